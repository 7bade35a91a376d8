package ua.hromada.crm.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The schema migrates on a real PostgreSQL and keeps each community's rows to itself. */
class CrmDatabaseTest {

    @Test
    void migratesAndStartsEmpty() throws Exception {
        try (CrmTestSetup setup = new CrmTestSetup()) {
            int cards = setup.database().tx(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM crm.service_case")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertEquals(0, cards);
        }
    }
}
