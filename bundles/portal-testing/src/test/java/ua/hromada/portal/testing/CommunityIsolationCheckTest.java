package ua.hromada.portal.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The community DataSource, the schema securing and the isolation check, on the real PostgreSQL. */
class CommunityIsolationCheckTest {

    @AutoClose
    private final TestDatabase db = TestDatabase.create();

    @Test
    void aSecuredSchemaPassesAndEachCommunitySeesItsOwnRows() throws SQLException {
        schema("create table m.item (id serial primary key, name text not null, community text not null default 'default')");
        db.isolate("m");
        insert(db.communityDataSource("a"), "first");
        insert(db.communityDataSource("b"), "second");

        CommunityIsolationCheck.assertIsolated(db.dataSource(), "m", "a", "b");
        assertEquals(1, count(db.communityDataSource("a")));
        assertEquals(1, count(db.communityDataSource("b")));
        assertEquals(0, count(db.communityDataSource("c")));
    }

    @Test
    void aTableWithoutItsPolicyFailsTheCheck() throws SQLException {
        schema("create table m.item (id serial primary key, name text not null, community text not null default 'default')");
        db.isolate("m");
        insert(db.communityDataSource("a"), "first");
        db.execute("drop policy community_isolation on m.item");

        AssertionError error = assertThrows(AssertionError.class,
                () -> CommunityIsolationCheck.assertIsolated(db.dataSource(), "m", "a", "b"));
        assertTrue(error.getMessage().contains("m.item: no community_isolation policy"), error.getMessage());
    }

    @Test
    void aTableWithoutTheColumnStopsTheSecuringAndFailsTheCheck() {
        schema("create table m.shared (id serial primary key, name text)");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> db.isolate("m"));
        assertTrue(String.valueOf(refused.getCause() == null ? refused.getMessage() : refused.getCause().getMessage())
                .contains("m.shared"), refused.toString());
        AssertionError error = assertThrows(AssertionError.class,
                () -> CommunityIsolationCheck.assertIsolated(db.dataSource(), "m", "a", "b"));
        assertTrue(error.getMessage().contains("m.shared: no community column"), error.getMessage());
    }

    @Test
    void aForeignKeyByIdAloneFailsTheCheckAndOneWithTheCommunityPasses() throws SQLException {
        schema("create table m.item (id serial primary key, name text not null, community text not null default 'default',"
                + " unique (community, id))");
        db.execute("create table m.note (id serial primary key, community text not null default 'default',"
                + " item_id int not null references m.item (id),"
                + " owner_id int, foreign key (community, owner_id) references m.item (community, id))");
        db.isolate("m");
        insert(db.communityDataSource("a"), "first");
        try (Connection c = db.communityDataSource("a").getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into m.note (item_id, owner_id) select id, id from m.item");
        }

        AssertionError error = assertThrows(AssertionError.class,
                () -> CommunityIsolationCheck.assertIsolated(db.dataSource(), "m", "a", "b"));
        assertTrue(error.getMessage().contains("m.note: foreign key note_item_id_fkey (item_id) does not carry the community"),
                error.getMessage());
        assertTrue(!error.getMessage().contains("note_community_owner_id_fkey"), error.getMessage());
    }

    @Test
    void aConnectionGoesBackToThePoolWithoutItsRoleAndCommunity() throws SQLException {
        schema("create table m.item (id serial primary key, name text not null, community text not null default 'default')");
        db.isolate("m");
        DataSource single = new SingleConnectionDataSource(db.dataSource().getConnection());
        insert(new ua.hromada.portal.api.jdbc.CommunityDataSource(single, () -> "a"), "first");
        try (Connection raw = single.getConnection(); Statement s = raw.createStatement();
                ResultSet rs = s.executeQuery("select current_user, coalesce(current_setting('hromada.community', true), '')")) {
            rs.next();
            assertEquals("postgres", rs.getString(1));
            assertEquals("", rs.getString(2));
        }
    }

    private void schema(String table) {
        db.execute("create schema m");
        db.execute(table);
    }

    private static void insert(DataSource ds, String name) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into m.item (name) values ('" + name + "')");
        }
    }

    private static long count(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from m.item")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
