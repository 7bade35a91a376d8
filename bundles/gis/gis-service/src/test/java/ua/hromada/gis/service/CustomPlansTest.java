package ua.hromada.gis.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** A window query is planned for its values, and the connection goes back with the server's default, after a failure too. */
class CustomPlansTest {
    @AutoClose
    private final GisTestSetup gis = new GisTestSetup();

    @Test
    void theQueryRunsWithCustomPlansAndTheSettingIsResetAfterIt() throws SQLException {
        try (Connection c = gis.dataSource().getConnection()) {
            assertEquals("auto", mode(c));
            assertEquals("force_custom_plan", CustomPlans.run(c, () -> mode(c)));
            assertEquals("auto", mode(c), "reset after the query");
            assertThrows(SQLException.class, () -> CustomPlans.run(c, () -> {
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT 1 / 0");
                }
                return null;
            }));
            assertEquals("auto", mode(c), "reset after a failed query");
        }
    }

    private static String mode(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW plan_cache_mode")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
