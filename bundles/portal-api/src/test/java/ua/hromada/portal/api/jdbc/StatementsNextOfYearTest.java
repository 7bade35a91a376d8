package ua.hromada.portal.api.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

/** The year's counter on the real PostgreSQL (127.0.0.1:5432 as postgres, or HROMADA_TEST_PG*), in a temporary table. */
class StatementsNextOfYearTest {

    @Test
    void numbersCountPerCommunityAndYearFromOne() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + env("HROMADA_TEST_PGHOST", "127.0.0.1")
                + ":" + env("HROMADA_TEST_PGPORT", "5432") + "/postgres", env("HROMADA_TEST_PGUSER", "postgres"), "")) {
            try (Statement s = c.createStatement()) {
                // as a module's counter: the portal fills in the community (here the column's default)
                s.execute("CREATE TEMPORARY TABLE case_counter (community varchar(40) NOT NULL DEFAULT 'a',"
                        + " year int NOT NULL, last int NOT NULL, PRIMARY KEY (community, year))");
            }
            assertEquals("2027-1", Statements.nextOfYear(c, "case_counter", 2027));
            assertEquals("2027-2", Statements.nextOfYear(c, "case_counter", 2027));
            assertEquals("2028-1", Statements.nextOfYear(c, "case_counter", 2028));
            community(c, "b");
            assertEquals("2027-1", Statements.nextOfYear(c, "case_counter", 2027), "another community's first");
            assertEquals("2027-2", Statements.nextOfYear(c, "case_counter", 2027));
            community(c, "a");
            assertEquals("2027-3", Statements.nextOfYear(c, "case_counter", 2027), "the first community's own count");
        }
    }

    private static void community(Connection c, String id) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE case_counter ALTER COLUMN community SET DEFAULT '" + id + "'");
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
