package ua.hromada.portal.shell.core;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import ua.hromada.portal.api.calendar.DisplayFormats;

/** Times as the shell shows them: in the community's time zone (time.zone of ua.hromada.portal). */
public final class PortalTimes implements Serializable {
    private static final long serialVersionUID = 1L;
    private final ZoneId zone;

    public PortalTimes(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** dd.MM.yyyy HH:mm, or "" for none. */
    public String minutes(Instant at) {
        return DisplayFormats.dateTime(at, zone);
    }

    /** dd.MM.yyyy HH:mm:ss, or "" for none. */
    public String seconds(Instant at) {
        return DisplayFormats.dateTimeSeconds(at, zone);
    }

    /** The first instant of a day in the community's zone (date filters). */
    public Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(zone).toInstant();
    }
}
