package ua.hromada.opendata.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The passport's date-and-time fields (first publication, last change; Resolution 835) between the
 * community's clock, as the passport and its form state them, and the stored timestamptz.
 */
final class PassportTimes {
    /** CKAN's own times (metadata_created, metadata_modified): UTC, no offset, microseconds. */
    private static final DateTimeFormatter CKAN = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private PassportTimes() {
    }

    /** The passport's precision: a minute (what the form shows and edits). */
    static LocalDateTime minute(LocalDateTime at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MINUTES);
    }

    /** The stored instant as the community's clock shows it, or null. */
    static LocalDateTime read(ResultSet rs, String column, ZoneId zone) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.atZoneSameInstant(zone).toLocalDateTime();
    }

    /**
     * The instant the community's clock shows as {@code at}, or null; a time the spring clock change
     * skips moves on by the gap, an autumn hour that repeats is its first pass (java.time's rule).
     */
    static OffsetDateTime stored(LocalDateTime at, ZoneId zone) {
        return at == null ? null : at.atZone(zone).toOffsetDateTime();
    }

    /**
     * The V9 step SQL cannot do: the dates stored before it (kept aside by V11 in
     * {@code passport_date_before_v9}) become midnight in the community's time zone, and are removed
     * there (so the step runs once per row). Runs on a connection of the community (row-level
     * security shows only its rows); answers whether it changed any row.
     */
    static boolean convertDates(Connection c, ZoneId zone) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE opendata.dataset d SET"
                + " first_published_at = coalesce(d.first_published_at, o.first_published::timestamp AT TIME ZONE ?),"
                + " last_modified_at = coalesce(d.last_modified_at, o.last_modified::timestamp AT TIME ZONE ?)"
                + " FROM opendata.passport_date_before_v9 o WHERE o.dataset_id = d.id");
                PreparedStatement remove = c.prepareStatement("DELETE FROM opendata.passport_date_before_v9")) {
            ps.setString(1, zone.getId());
            ps.setString(2, zone.getId());
            ps.executeUpdate();
            return remove.executeUpdate() > 0;
        }
    }

    /** The time as a CKAN portal writes its own (metadata_modified style: UTC), or null. */
    static String ckan(LocalDateTime at, ZoneId zone) {
        return at == null ? null : CKAN.format(at.atZone(zone));
    }

    /**
     * A passport time read from a CKAN portal, as the community's clock shows it: "2024-03-01"
     * (midnight, as the dates before V9), CKAN's "2024-03-01T10:00:00.000000" (UTC, as CKAN keeps its
     * times) or a time with its offset ("2024-03-01T12:00:00+02:00"); anything else is no time.
     */
    static LocalDateTime fromCkan(String text, ZoneId zone) {
        String t = text == null ? "" : text.strip();
        if (t.length() > 10 && t.charAt(10) == ' ') {
            t = t.substring(0, 10) + "T" + t.substring(11); // "2024-03-01 10:00:00", as some portals write
        }
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay();
            }
            if (t.endsWith("Z") || t.matches(".*T.*[+-]\\d\\d:\\d\\d$")) {
                return minute(OffsetDateTime.parse(t).atZoneSameInstant(zone).toLocalDateTime());
            }
            return t.isEmpty() ? null : minute(LocalDateTime.parse(t).atZone(ZoneOffset.UTC).withZoneSameInstant(zone)
                    .toLocalDateTime());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
