package ua.hromada.opendata.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.RegistryTransfer.ImportPreview;
import ua.hromada.portal.testing.DiscardingAuditLog;
import ua.hromada.portal.testing.TestCommunities;
import ua.hromada.portal.testing.TestDatabase;

/**
 * The passport's date-and-time fields (Resolution 835): V9's conversion of the stored dates to
 * midnight in each community's own zone (of those V11 kept aside), times kept to the minute through the registry, the CKAN
 * forms of a time and a time in an imported table.
 */
class PassportTimesTest {
    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @AutoClose
    private final OpendataTestSetup setup = new OpendataTestSetup();

    @Test
    void ckanTimesAreUtcAndReadBackInTheCommunitysZone() {
        LocalDateTime summer = LocalDateTime.of(2024, 7, 15, 10, 15);
        assertEquals("2024-07-15T07:15:00.000000", PassportTimes.ckan(summer, KYIV), "EEST is UTC+3");
        assertEquals("2024-01-15T08:15:00.000000", PassportTimes.ckan(LocalDateTime.of(2024, 1, 15, 10, 15), KYIV),
                "EET is UTC+2");
        assertNull(PassportTimes.ckan(null, KYIV));
        assertEquals(summer, PassportTimes.fromCkan("2024-07-15T07:15:00.000000", KYIV), "CKAN's own: UTC");
        assertEquals(summer, PassportTimes.fromCkan("2024-07-15T07:15:42.123456", KYIV), "to the passport's minute");
        assertEquals(summer, PassportTimes.fromCkan("2024-07-15T10:15:00+03:00", KYIV), "with its offset");
        assertEquals(summer, PassportTimes.fromCkan("2024-07-15T07:15:00Z", KYIV));
        assertEquals(summer, PassportTimes.fromCkan("2024-07-15 07:15:00", KYIV), "a space for the T");
        assertEquals(LocalDateTime.of(2024, 7, 15, 0, 0), PassportTimes.fromCkan("2024-07-15", KYIV),
                "a date is its midnight, as V9 made the stored dates");
        assertNull(PassportTimes.fromCkan("15 липня", KYIV));
        assertNull(PassportTimes.fromCkan("", KYIV));
        assertNull(PassportTimes.fromCkan(null, KYIV));
    }

    @Test
    void datesNotConvertedBeforeV11AreKeptAsideAndEachCommunityMakesThemMidnightInItsOwnZoneOnce()
            throws SQLException {
        try (TestDatabase old = TestDatabase.create()) {
            // an installation V9's conversion has not reached: dates in the columns V11 drops
            flyway(old).target("10").load().migrate();
            long kyivRow = oldShapeRow(old, "default", "kyiv-set", "'2024-03-01'", "'2024-07-15'");
            long tokyoRow = oldShapeRow(old, "tokyo", "tokyo-set", "'2024-03-01'", "NULL");
            long converted = oldShapeRow(old, "default", "converted-set", "NULL", "NULL");
            old.execute("UPDATE opendata.dataset SET first_published_at = '2024-01-10T09:00:00Z' WHERE id = " + converted);
            flyway(old).load().migrate();
            old.isolate("opendata");
            assertEquals(List.of(), strings(old, "SELECT column_name FROM information_schema.columns WHERE"
                    + " table_schema = 'opendata' AND table_name = 'dataset' AND column_name IN ('first_published',"
                    + " 'last_modified')"), "V11 drops the date columns");
            assertEquals(List.of(kyivRow + " 2024-03-01 2024-07-15", tokyoRow + " 2024-03-01 null"),
                    strings(old, "SELECT dataset_id || ' ' || first_published || ' ' || coalesce(last_modified::text, 'null')"
                            + " FROM opendata.passport_date_before_v9 ORDER BY dataset_id"), "kept aside, not lost");

            TestCommunities communities = new TestCommunities().add("tokyo", "tokyo.test");
            Supplier<ZoneId> zones = () -> "tokyo".equals(communities.current().id()) ? TOKYO : KYIV;
            OpendataDatabase db = new OpendataDatabase(old.communityDataSource(communities), communities, zones);
            communities.runAs("tokyo", () -> db.read(c -> null));
            assertEquals(Instant.parse("2024-02-29T15:00:00Z"), stored(old, tokyoRow, "first_published_at"), "JST midnight");
            assertNull(stored(old, tokyoRow, "last_modified_at"));
            assertEquals(List.of(Long.toString(kyivRow)), strings(old,
                    "SELECT dataset_id::text FROM opendata.passport_date_before_v9"), "not yet: no work of its community");

            db.read(c -> null);
            assertEquals(Instant.parse("2024-02-29T22:00:00Z"), stored(old, kyivRow, "first_published_at"), "EET midnight");
            assertEquals(Instant.parse("2024-07-14T21:00:00Z"), stored(old, kyivRow, "last_modified_at"), "EEST midnight");
            assertEquals(Instant.parse("2024-01-10T09:00:00Z"), stored(old, converted, "first_published_at"));
            assertEquals(List.of(), strings(old, "SELECT dataset_id::text FROM opendata.passport_date_before_v9"));

            DatasetRegistryImpl registry = new DatasetRegistryImpl(db, new DiscardingAuditLog(), settings(zones));
            Dataset kyiv = registry.dataset(kyivRow).orElseThrow();
            assertEquals(LocalDateTime.of(2024, 3, 1, 0, 0), kyiv.firstPublishedAt());
            assertEquals(LocalDate.of(2024, 7, 15), kyiv.lastModified());
            Dataset tokyo = communities.callAs("tokyo", () -> registry.dataset(tokyoRow).orElseThrow());
            assertEquals(LocalDateTime.of(2024, 3, 1, 0, 0), tokyo.firstPublishedAt(), "its own midnight, in its zone");

            // the same step again (a later start) changes nothing: the dates are gone
            try (Connection c = old.dataSource().getConnection()) {
                assertFalse(PassportTimes.convertDates(c, KYIV));
            }
        }
    }

    @Test
    void theRegistryKeepsDateAndTimeToTheMinuteAndOrdersThemByTime() {
        DataManager m = setup.manager("Полтавська міська рада", "24388300");
        Dataset d = setup.dataset(m, "budget", "Бюджет", false);
        LocalDateTime first = LocalDateTime.of(2025, 3, 30, 2, 59, 59); // EET, the minute before the clock moves
        Dataset saved = setup.registry().saveDataset(setup.steward,
                d.withPublication(false, first, LocalDateTime.of(2025, 3, 30, 14, 5, 30)));
        assertEquals(LocalDateTime.of(2025, 3, 30, 2, 59), saved.firstPublishedAt(), "to the minute");
        assertEquals(LocalDateTime.of(2025, 3, 30, 14, 5), saved.lastModifiedAt());
        assertEquals(saved, setup.registry().dataset(d.id()).orElseThrow());

        OpendataException e = org.junit.jupiter.api.Assertions.assertThrows(OpendataException.class,
                () -> setup.registry().saveDataset(setup.steward, saved.withPublication(false,
                        LocalDateTime.of(2025, 3, 30, 15, 0), LocalDateTime.of(2025, 3, 30, 14, 5))));
        assertEquals("opendata.error.dates", e.messageKey(), "the same day, an earlier hour: refused");

        Dataset draft = setup.registry().saveDataset(setup.steward, setup.dataset(m, "water", "Вода", false)
                .withPublication(false, null, LocalDateTime.of(2025, 3, 30, 14, 5)));
        Dataset published = setup.registry().saveDataset(setup.steward, draft.withPublication(true, null,
                draft.lastModifiedAt()));
        assertEquals(LocalDateTime.of(2025, 3, 30, 14, 5), published.firstPublishedAt(),
                "published now without a first publication: its last change, being earlier than now");
    }

    @Test
    void anImportedTableMayGiveTheTimeOfDay() {
        setup.manager("Полтавська міська рада", "24388300");
        String csv = RegistryTransferTest.HEADER
                + "a-set;Набір А;Опис;Полтавська міська рада;24388300;CSV;Щороку;;;31.12.2025 10:15;ні\n"
                + "b-set;Набір Б;Опис;Полтавська міська рада;24388300;CSV;Щороку;;;2025-12-31T08:05:00;ні\n"
                + "c-set;Набір В;Опис;Полтавська міська рада;24388300;CSV;Щороку;;;31.12.2025;ні\n"
                + "d-set;Набір Г;Опис;Полтавська міська рада;24388300;CSV;Щороку;;;31.12.2025 25:70;ні\n";
        ImportPreview p = setup.transfer().preview(setup.steward, "registry.csv",
                Tables.utf8WithBom(csv));
        assertTrue(p.rows().get(3).errors().stream().anyMatch(x -> x.contains("«31.12.2025 25:70» не є датою")),
                p.rows().get(3).errors().toString());
        setup.transfer().commit(setup.steward, p);
        Map<String, LocalDateTime> last = Map.of(
                "a-set", LocalDateTime.of(2025, 12, 31, 10, 15),
                "b-set", LocalDateTime.of(2025, 12, 31, 8, 5),
                "c-set", LocalDateTime.of(2025, 12, 31, 0, 0));
        List<String> wrong = new ArrayList<>();
        last.forEach((id, at) -> {
            LocalDateTime read = setup.registry().datasetByIdentifier(id).orElseThrow().lastModifiedAt();
            if (!at.equals(read)) {
                wrong.add(id + ": " + read);
            }
        });
        assertEquals(List.of(), wrong);
        assertTrue(setup.registry().datasetByIdentifier("d-set").isEmpty());
    }

    private static OpendataSettings settings(Supplier<ZoneId> zones) {
        OpendataSettings d = OpendataSettings.defaults();
        return new OpendataSettings(null, d.maxUploadBytes(), d.maxImportBytes(), d.refreshMinutes(),
                d.providerManagerName(), null, false, zones);
    }

    private static FluentConfiguration flyway(TestDatabase db) {
        return Flyway.configure().dataSource(db.dataSource()).schemas("opendata").createSchemas(true)
                .locations("classpath:db/migration/opendata");
    }

    /** A dataset row as SQL wrote it before V9: the two dates (SQL literals) in the date columns only. */
    private static long oldShapeRow(TestDatabase db, String community, String identifier, String first, String last)
            throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            long manager;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO opendata.data_manager (community, name)"
                    + " VALUES (?, ?) RETURNING id")) {
                ps.setString(1, community);
                ps.setString(2, "Розпорядник " + identifier);
                manager = single(ps);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO opendata.dataset (community, identifier, title,"
                    + " frequency, manager_id, first_published, last_modified) VALUES (?, ?, ?, 'YEARLY', ?, " + first
                    + ", " + last + ") RETURNING id")) {
                ps.setString(1, community);
                ps.setString(2, identifier);
                ps.setString(3, "Набір " + identifier);
                ps.setLong(4, manager);
                return single(ps);
            }
        }
    }

    private static long single(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Instant stored(TestDatabase db, long id, String column) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM opendata.dataset WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                OffsetDateTime at = rs.getObject(1, OffsetDateTime.class);
                return at == null ? null : at.toInstant();
            }
        }
    }

    /** The first column of every row, as text (the database's owner: no row-level security). */
    private static List<String> strings(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
