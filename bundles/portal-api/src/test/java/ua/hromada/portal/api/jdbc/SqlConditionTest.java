package ua.hromada.portal.api.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class SqlConditionTest {

    @Test
    void noConditionIsNoWhere() {
        SqlCondition none = SqlCondition.builder().and(SqlCondition.NONE).build();
        assertSame(SqlCondition.NONE, none);
        assertTrue(none.isEmpty());
        assertEquals("", none.where());
        assertEquals(List.of(), none.params());
        assertArrayEquals(new Object[] {10, 0}, none.paramsThen(10, 0));
    }

    @Test
    void oneConditionAsWritten() {
        SqlCondition w = SqlCondition.builder().and("s.status = ?", "ACTIVE").build();
        assertEquals(" WHERE s.status = ?", w.where());
        assertEquals(List.of("ACTIVE"), w.params());
    }

    @Test
    void severalAreAndedInParenthesesWithTheirParametersInOrder() {
        SqlCondition w = SqlCondition.builder()
                .and("s.name ILIKE ? OR s.code ILIKE ?", "%a%", "%a%")
                .and("s.active")
                .and("s.role IN (?, ?)", List.of("x", "y"))
                .build();
        assertEquals("(s.name ILIKE ? OR s.code ILIKE ?) AND (s.active) AND (s.role IN (?, ?))", w.sql());
        assertEquals(List.of("%a%", "%a%", "x", "y"), w.params());
        assertArrayEquals(new Object[] {"%a%", "%a%", "x", "y", 20, 40}, w.paramsThen(20, 40));
        assertEquals(SqlCondition.of("(a = ?) AND (b = ?)", 1, 2), SqlCondition.of("a = ?", 1).and(SqlCondition.of("b = ?", 2)));
    }

    @Test
    void aParameterMayBeNullOrAnArray() {
        Long[] ids = {1L, 2L};
        SqlCondition w = SqlCondition.of("x = ANY (?) AND y IS NOT DISTINCT FROM ?", (Object) ids, null);
        assertEquals(Arrays.asList(ids, null), w.params());
    }

    @Test
    void emptyTextIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SqlCondition.of(" "));
    }

    @Test
    void bindsFromTheGivenIndex() throws SQLException {
        // on the real PostgreSQL (127.0.0.1:5432 as postgres, or HROMADA_TEST_PG*), as StatementsNextOfYearTest
        SqlCondition w = SqlCondition.builder().and("n > ?", 1).and("n < ?", 4).build();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + env("HROMADA_TEST_PGHOST", "127.0.0.1")
                + ":" + env("HROMADA_TEST_PGPORT", "5432") + "/postgres", env("HROMADA_TEST_PGUSER", "postgres"), "");
                PreparedStatement ps = c.prepareStatement("SELECT string_agg(n::text, ',' ORDER BY n)"
                        + " FROM generate_series(1, ?) n" + w.where())) {
            ps.setInt(1, 10);
            assertEquals(4, w.bind(ps, 2));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals("2,3", rs.getString(1));
            }
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
