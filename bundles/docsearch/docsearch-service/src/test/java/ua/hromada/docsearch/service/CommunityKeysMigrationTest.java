package ua.hromada.docsearch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import ua.hromada.portal.testing.TestDatabase;

/**
 * V5 over a register of before (issue 18): until then the keys by act id alone let a community hang
 * rows on another community's act; V5 removes such rows, keeps every other, and the keys that now
 * carry the community hold on the secured schema.
 */
class CommunityKeysMigrationTest {

    @Test
    void rowsHungOnAnotherCommunitysActGoAndTheRestStay() throws SQLException {
        try (TestDatabase db = TestDatabase.create()) {
            migrate(db, "4");
            db.isolate("docsearch");
            DataSource a = db.communityDataSource("a");
            DataSource b = db.communityDataSource("b");
            long amended = act(a, "42");
            long amending = act(a, "43");
            long own = act(b, "42");
            insert(a, "INSERT INTO docsearch.act_tag (act_id, tag) VALUES (?, 'благоустрій')", amended);
            insert(a, FILE, amended);
            insert(a, "INSERT INTO docsearch.act_link (source_id, target_id, link_type) VALUES (?, ?, 'AMENDS')",
                    amending, amended);
            insert(b, "INSERT INTO docsearch.act_tag (act_id, tag) VALUES (?, 'снігу')", own);
            // what the keys by id let b write: its rows on a's act, links either way
            insert(b, "INSERT INTO docsearch.act_tag (act_id, tag) VALUES (?, 'чуже')", amended);
            insert(b, FILE, amended);
            insert(b, "INSERT INTO docsearch.act_link (source_id, target_id, link_type) VALUES (?, ?, 'CANCELS')",
                    own, amended);
            insert(b, "INSERT INTO docsearch.act_link (source_id, target_id, link_type) VALUES (?, ?, 'AMENDS')",
                    amended, own);

            migrate(db, null);
            db.isolate("docsearch");

            assertEquals("2 1 1 1", counts(a), "a's acts, tag, file and link stay");
            assertEquals("1 1 0 0", counts(b), "b keeps its act and the tag on it, nothing on a's act");
            assertEquals("0 0 0 0", counts(db.communityDataSource("default")));
            assertEquals(1, count(db.dataSource(), "SELECT count(*) FROM pg_constraint WHERE conname = 'act_tag_act_id_fkey'"
                    + " AND pg_get_constraintdef(oid) LIKE 'FOREIGN KEY (community, act_id)%'"));
            assertEquals(4, count(db.dataSource(), "SELECT count(*) FROM pg_class c JOIN pg_namespace n"
                    + " ON n.oid = c.relnamespace WHERE n.nspname = 'docsearch' AND c.relforcerowsecurity"
                    + " AND c.relname IN ('act', 'act_tag', 'act_file', 'act_link')"), "forced again by isolate");
        }
    }

    private static final String FILE = "INSERT INTO docsearch.act_file (act_id, file_name, media_type, size_bytes,"
            + " sha256, content, extraction_status, created_at) VALUES (?, 'x.txt', 'text/plain', 0, repeat('0', 64),"
            + " '', 'EMPTY', now())";

    private static void migrate(TestDatabase db, String target) {
        var config = Flyway.configure().dataSource(db.dataSource()).schemas("docsearch").createSchemas(true)
                .locations("classpath:db/migration/docsearch");
        (target == null ? config : config.target(target)).load().migrate();
    }

    private static long act(DataSource community, String number) throws SQLException {
        try (Connection c = community.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO docsearch.act_kind (code, name, sort_order) VALUES ('other', 'Інший документ', 90)"
                    + " ON CONFLICT DO NOTHING");
            try (ResultSet rs = s.executeQuery("INSERT INTO docsearch.act (kind_code, number, normalized_number,"
                    + " act_date, title, status, created_at, updated_at) VALUES ('other', '" + number + "', '" + number
                    + "', date '2025-05-20', 'Рішення', 'IN_FORCE', now(), now()) RETURNING id")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void insert(DataSource community, String sql, long... ids) throws SQLException {
        try (Connection c = community.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < ids.length; i++) {
                ps.setLong(i + 1, ids[i]);
            }
            assertEquals(1, ps.executeUpdate());
        }
    }

    /** The community's acts, tags, files and links, as it reads them. */
    private static String counts(DataSource community) throws SQLException {
        StringBuilder counts = new StringBuilder();
        for (String table : new String[] {"act", "act_tag", "act_file", "act_link"}) {
            counts.append(counts.length() == 0 ? "" : " ").append(count(community, "SELECT count(*) FROM docsearch." + table));
        }
        return counts.toString();
    }

    private static long count(DataSource data, String sql) throws SQLException {
        try (Connection c = data.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
