package ua.hromada.eservices.service.appeals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/** Working days: Monday to Friday except the configured holidays. */
public final class WorkingDays {
    private final Set<LocalDate> holidays;

    public WorkingDays(Set<LocalDate> holidays) {
        this.holidays = Set.copyOf(holidays);
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
}
