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

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.RegistryTransfer.ImportPreview;
import ua.hromada.portal.testing.DiscardingAuditLog;

/**
 * The passport's date-and-time fields (Resolution 835): V9's conversion of the stored dates to
 * midnight in each community's own zone, times kept to the minute through the registry, the CKAN
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
    void v9MakesEachCommunitysDatesMidnightInItsOwnZoneOnce() throws SQLException {
        setup.communities().add("tokyo", "tokyo.test");
        long kyivRow = oldShapeRow("default", "kyiv-set", "2024-03-01", "2024-07-15");
        long tokyoRow = oldShapeRow("tokyo", "tokyo-set", "2024-03-01", null);
        Supplier<ZoneId> zones = () -> "tokyo".equals(setup.communities().current().id()) ? TOKYO : KYIV;
        OpendataDatabase db = new OpendataDatabase(setup.communityDataSource(), setup.communities(), zones);
        setup.communities().runAs("tokyo", () -> db.read(c -> null));

        assertEquals(Instant.parse("2024-02-29T15:00:00Z"), stored(tokyoRow, "first_published_at"), "JST midnight");
        assertNull(stored(tokyoRow, "last_modified_at"));
        assertEquals(List.of(), oldDates(tokyoRow), "the date columns are emptied");
        assertEquals(List.of("2024-03-01", "2024-07-15"), oldDates(kyivRow), "not yet: no work of its community");

        db.read(c -> null);
        assertEquals(Instant.parse("2024-02-29T22:00:00Z"), stored(kyivRow, "first_published_at"), "EET midnight");
        assertEquals(Instant.parse("2024-07-14T21:00:00Z"), stored(kyivRow, "last_modified_at"), "EEST midnight");
        assertEquals(List.of(), oldDates(kyivRow));

        DatasetRegistryImpl registry = new DatasetRegistryImpl(db, new DiscardingAuditLog(), settings(zones));
        Dataset kyiv = registry.dataset(kyivRow).orElseThrow();
        assertEquals(LocalDateTime.of(2024, 3, 1, 0, 0), kyiv.firstPublishedAt());
        assertEquals(LocalDate.of(2024, 7, 15), kyiv.lastModified());
        Dataset tokyo = setup.communities().callAs("tokyo", () -> registry.dataset(tokyoRow).orElseThrow());
        assertEquals(LocalDateTime.of(2024, 3, 1, 0, 0), tokyo.firstPublishedAt(), "its own midnight, in its zone");

        // the same step again (a later start) changes nothing: the dates are gone
        try (Connection c = setup.dataSource().getConnection()) {
            assertFalse(PassportTimes.convertDates(c, KYIV));
        }
    }

    @Test
    void aDateWrittenInTheOldShapeReadsAsMidnightUntilTheRowsNextWrite() throws SQLException {
        DataManager m = setup.manager("Полтавська міська рада", "24388300");
        Dataset d = setup.dataset(m, "budget", "Бюджет", false);
        setup.execute("UPDATE opendata.dataset SET first_published_at = NULL, last_modified_at = NULL,"
                + " first_published = DATE '2024-03-01', last_modified = DATE '2024-07-15' WHERE id = " + d.id());
        Dataset read = setup.registry().dataset(d.id()).orElseThrow();
        assertEquals(LocalDateTime.of(2024, 3, 1, 0, 0), read.firstPublishedAt());
        assertEquals(LocalDateTime.of(2024, 7, 15, 0, 0), read.lastModifiedAt());

        setup.registry().saveDataset(setup.steward, read.withPublication(false, read.firstPublishedAt(),
                LocalDateTime.of(2024, 7, 15, 9, 30)));
        assertEquals(List.of(), oldDates(d.id()));
        assertEquals(Instant.parse("2024-02-29T22:00:00Z"), stored(d.id(), "first_published_at"));
        assertEquals(Instant.parse("2024-07-15T06:30:00Z"), stored(d.id(), "last_modified_at"));
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

    /** A dataset row as SQL wrote it before V9: the two dates in the date columns only. */
    private long oldShapeRow(String community, String identifier, String first, String last) throws SQLException {
        try (Connection c = setup.dataSource().getConnection()) {
            long manager;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO opendata.data_manager (community, name)"
                    + " VALUES (?, ?) RETURNING id")) {
                ps.setString(1, community);
                ps.setString(2, "Розпорядник " + identifier);
                manager = single(ps);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO opendata.dataset (community, identifier, title,"
                    + " frequency, manager_id, first_published, last_modified) VALUES (?, ?, ?, 'YEARLY', ?, ?::date,"
                    + " ?::date) RETURNING id")) {
                ps.setString(1, community);
                ps.setString(2, identifier);
                ps.setString(3, "Набір " + identifier);
                ps.setLong(4, manager);
                ps.setString(5, first);
                ps.setString(6, last);
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

    private Instant stored(long id, String column) throws SQLException {
        try (Connection c = setup.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM opendata.dataset WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                OffsetDateTime at = rs.getObject(1, OffsetDateTime.class);
                return at == null ? null : at.toInstant();
            }
        }
    }

    /** The row's pre-V9 date columns that still hold a date. */
    private List<String> oldDates(long id) throws SQLException {
        try (Connection c = setup.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT first_published::text, last_modified::text"
                        + " FROM opendata.dataset WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                List<String> out = new ArrayList<>();
                for (int i = 1; i <= 2; i++) {
                    if (rs.getString(i) != null) {
                        out.add(rs.getString(i));
                    }
                }
                return out;
            }
        }
    }
}
