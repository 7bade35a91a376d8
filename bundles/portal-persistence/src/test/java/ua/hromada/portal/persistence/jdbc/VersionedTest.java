package ua.hromada.portal.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ua.hromada.portal.api.jdbc.EditConflictException;
import ua.hromada.portal.api.jdbc.Transactions;
import ua.hromada.portal.api.jdbc.Versioned;
import ua.hromada.portal.testing.TestDatabase;

/** The core's optimistic-locking rule on a real PostgreSQL table, as a module's store uses it. */
class VersionedTest {
    private static TestDatabase db;

    @BeforeAll
    static void create() {
        db = TestDatabase.create();
        db.execute("CREATE TABLE note (id bigint PRIMARY KEY, text text, version bigint NOT NULL DEFAULT 0)");
        db.execute("INSERT INTO note (id, text) VALUES (1, 'first'), (2, 'second')");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    private int update(long id, String text, long version) {
        return Transactions.tx(db.dataSource(), "test", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE note SET text = ?, " + Versioned.BUMP + " WHERE id = ? AND " + Versioned.COLUMN + " = ?")) {
                ps.setString(1, text);
                ps.setLong(2, id);
                ps.setLong(3, version);
                int rows = ps.executeUpdate();
                Versioned.check(rows, "note", id);
                return rows;
            }
        });
    }

    private String text(long id) {
        return Transactions.read(db.dataSource(), "test", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT text || '@' || version FROM note WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    @Test
    void theSecondSaveOfTheSameLoadedVersionIsRefusedAndChangesNothing() {
        assertEquals(1, update(1, "Anna's edit", 0));
        EditConflictException conflict = assertThrows(EditConflictException.class, () -> update(1, "Petro's edit", 0));
        assertEquals("note", conflict.entity());
        assertEquals(1L, conflict.id());
        assertEquals("Anna's edit@1", text(1));
        assertEquals(1, update(1, "Petro's edit after reload", 1));
        assertEquals("Petro's edit after reload@2", text(1));
    }

    @Test
    void lockChecksTheVersionAndTellsAMissingRowApart() {
        assertTrue((boolean) Transactions.tx(db.dataSource(), "test", c -> Versioned.lock(c, "note", 2, 0)));
        assertFalse((boolean) Transactions.tx(db.dataSource(), "test", c -> Versioned.lock(c, "note", 99, 0)));
        assertThrows(EditConflictException.class,
                () -> Transactions.tx(db.dataSource(), "test", c -> Versioned.lock(c, "note", 2, 5)));
    }
}
