package ua.hromada.portal.api.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working days: Monday to Friday except the configured holidays (the days off the Cabinet of
 * Ministers announces, which each module lists in its {@code holidays} setting). Immutable.
 */
public final class WorkingDays {
    private final Set<LocalDate> holidays;

    public WorkingDays(Set<LocalDate> holidays) {
        this.holidays = Set.copyOf(holidays);
    }

    /**
     * The holidays of a configuration value as DS hands it (one or more strings, each
     * {@code yyyy-MM-dd} days separated by commas or spaces).
     *
     * @throws IllegalArgumentException naming the value that is not {@code yyyy-MM-dd}
     */
    public static WorkingDays ofConfig(String... values) {
        Set<LocalDate> days = new TreeSet<>();
        for (String value : values) {
            for (String d : value.split("[,\\s]+")) {
                if (!d.isBlank()) {
                    try {
                        days.add(LocalDate.parse(d.strip()));
                    } catch (DateTimeException e) {
                        throw new IllegalArgumentException("holidays: " + d + " is not yyyy-MM-dd", e);
                    }
                }
            }
        }
        return new WorkingDays(days);
    }

    /** The configured holidays (weekends are not listed). */
    public Set<LocalDate> holidays() {
        return holidays;
    }

    public boolean working(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(day);
    }

    /** The day {@code days} working days after {@code received} (the day received does not count). */
    public LocalDate deadline(LocalDate received, int days) {
        LocalDate day = received;
        for (int left = days; left > 0;) {
            day = day.plusDays(1);
            if (working(day)) {
                left--;
            }
        }
        return day;
    }

    /**
     * The working day {@code days} working days before {@code day} (e.g. when to remind of a
     * deadline); {@code days} 0 answers {@code day} itself.
     */
    public LocalDate before(LocalDate day, int days) {
        LocalDate result = day;
        for (int left = days; left > 0;) {
            result = result.minusDays(1);
            if (working(result)) {
                left--;
            }
        }
        return result;
    }
}
