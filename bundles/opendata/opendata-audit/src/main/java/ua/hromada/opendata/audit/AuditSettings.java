package ua.hromada.opendata.audit;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;

import ua.hromada.opendata.api.Severity;

/** The configuration as plain values, so the services are built the same way in tests. */
public record AuditSettings(Schedule schedule, LocalTime dailyAt, Duration interval, ZoneId zone, boolean linksEnabled,
        Duration connectTimeout, Duration readTimeout, int maxConcurrent, int perHost, int dailyBudget,
        double weightCritical, double weightMajor, double weightMinor, long pdfMaxBytes, int runsKept) {

    public enum Schedule {
        DAILY, INTERVAL, OFF
    }

    /** The configuration with the community's time zone (PortalSettings.timeZone()): the schedule's and "today"'s. */
    static AuditSettings of(AuditConfig c, ZoneId zone) {
        Schedule schedule;
        try {
            schedule = Schedule.valueOf(c.schedule().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("schedule must be daily, interval or off: " + c.schedule(), e);
        }
        Duration interval = Duration.parse(c.schedule_interval().strip());
        if (interval.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("schedule.interval must be at least one minute: " + interval);
        }
        return new AuditSettings(schedule, LocalTime.parse(c.schedule_time().strip()), interval,
                zone, c.links_enabled(),
                Duration.ofMillis(Math.max(100, c.links_connect_timeout_ms())),
                Duration.ofMillis(Math.max(100, c.links_read_timeout_ms())), Math.max(1, c.links_max_concurrent()),
                Math.max(1, c.links_per_host()), Math.max(1, c.links_daily_budget()),
                Math.max(0, c.weight_critical()), Math.max(0, c.weight_major()), Math.max(0, c.weight_minor()),
                Math.max(1, c.pdf_max_size_mb()) * 1024L * 1024L, Math.max(0, c.runs_kept()));
    }

    /** The shipped defaults (the .cfg file repeats them). */
    public static AuditSettings defaults() {
        return new AuditSettings(Schedule.DAILY, LocalTime.of(3, 0), Duration.ofHours(24), ZoneId.of("Europe/Kyiv"),
                true, Duration.ofSeconds(5), Duration.ofSeconds(15), 8, 2, 5000, 30, 15, 5, 50L * 1024 * 1024, 0);
    }

    public AuditSettings withLinks(boolean enabled, Duration connect, Duration read) {
        return new AuditSettings(schedule, dailyAt, interval, zone, enabled, connect, read, maxConcurrent, perHost,
                dailyBudget, weightCritical, weightMajor, weightMinor, pdfMaxBytes, runsKept);
    }

    /** The link limits: checks at once in all, per host, and per day. */
    public AuditSettings withLinkLimits(int concurrent, int host, int budget) {
        return new AuditSettings(schedule, dailyAt, interval, zone, linksEnabled, connectTimeout, readTimeout, concurrent,
                host, budget, weightCritical, weightMajor, weightMinor, pdfMaxBytes, runsKept);
    }

    public double weight(Severity severity) {
        return switch (severity) {
            case CRITICAL -> weightCritical;
            case MAJOR -> weightMajor;
            case MINOR -> weightMinor;
        };
    }
}
