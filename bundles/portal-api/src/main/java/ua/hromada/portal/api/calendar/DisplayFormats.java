package ua.hromada.portal.api.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the portal shows dates and times to people, in pages, printouts, mails and exports' texts:
 * {@code 05.12.2026}, {@code 05.12.2026 14:30}, {@code 05.12.2026 14:30:15}. Digits only, so the
 * same in every language. Since 1.1.0.
 */
public final class DisplayFormats {

    /** {@code dd.MM.yyyy}. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.ROOT);

    /** {@code dd.MM.yyyy HH:mm}. */
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", Locale.ROOT);

    /** {@code dd.MM.yyyy HH:mm:ss}. */
    public static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss",
            Locale.ROOT);

    private DisplayFormats() {
    }

    /** The day as {@link #DATE}; empty for none. */
    public static String date(LocalDate day) {
        return day == null ? "" : DATE.format(day);
    }

    /** The instant's day in {@code zone} as {@link #DATE}; empty for none. */
    public static String date(Instant at, ZoneId zone) {
        return at == null ? "" : DATE.format(at.atZone(zone));
    }

    /** The instant in {@code zone} as {@link #DATE_TIME}; empty for none. */
    public static String dateTime(Instant at, ZoneId zone) {
        return at == null ? "" : DATE_TIME.format(at.atZone(zone));
    }

    /** The instant in {@code zone} as {@link #DATE_TIME_SECONDS}; empty for none. */
    public static String dateTimeSeconds(Instant at, ZoneId zone) {
        return at == null ? "" : DATE_TIME_SECONDS.format(at.atZone(zone));
    }
}
