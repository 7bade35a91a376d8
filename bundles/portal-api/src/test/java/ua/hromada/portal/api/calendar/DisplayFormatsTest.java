package ua.hromada.portal.api.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class DisplayFormatsTest {
    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final Instant AT = Instant.parse("2026-12-05T07:08:09Z");

    @Test
    void datesAndTimesInTheZone() {
        assertEquals("05.12.2026", DisplayFormats.date(LocalDate.of(2026, 12, 5)));
        assertEquals("05.12.2026", DisplayFormats.date(AT, KYIV));
        assertEquals("06.12.2026", DisplayFormats.date(Instant.parse("2026-12-05T22:30:00Z"), KYIV), "after midnight in Kyiv");
        assertEquals("05.12.2026 09:08", DisplayFormats.dateTime(AT, KYIV));
        assertEquals("05.12.2026 09:08:09", DisplayFormats.dateTimeSeconds(AT, KYIV));
    }

    @Test
    void noneIsEmpty() {
        assertEquals("", DisplayFormats.date(null));
        assertEquals("", DisplayFormats.date(null, KYIV));
        assertEquals("", DisplayFormats.dateTime(null, KYIV));
        assertEquals("", DisplayFormats.dateTimeSeconds(null, KYIV));
    }

    /** The modules' own ofPattern without a locale took the default one: digits only, the same text in any. */
    @Test
    void theSameAsAPatternInAnyLocale() {
        ZonedDateTime t = AT.atZone(KYIV);
        for (Locale l : new Locale[] {Locale.forLanguageTag("uk-UA"), Locale.ENGLISH, Locale.forLanguageTag("ar-EG"),
                Locale.forLanguageTag("th-TH-u-nu-thai"), Locale.forLanguageTag("hi-IN"), Locale.JAPAN}) {
            assertEquals(DateTimeFormatter.ofPattern("dd.MM.yyyy", l).format(t), DisplayFormats.DATE.format(t), l.toString());
            assertEquals(DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", l).format(t), DisplayFormats.DATE_TIME.format(t),
                    l.toString());
            assertEquals(DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss", l).format(t),
                    DisplayFormats.DATE_TIME_SECONDS.format(t), l.toString());
        }
    }
}
