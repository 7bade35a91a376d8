package ua.hromada.portal.api.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    @Test
    void skipsWeekendsAndHolidays() {
        // Friday 2027-01-01 is a holiday; Wednesday 2027-01-06 too
        WorkingDays days = new WorkingDays(Set.of(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 6)));
        assertFalse(days.working(LocalDate.of(2027, 1, 1)));
        assertFalse(days.working(LocalDate.of(2027, 1, 2)), "Saturday");
        assertTrue(days.working(LocalDate.of(2027, 1, 4)));
        // received on Thursday 31 December: Mon 4, Tue 5, (Wed 6 holiday), Thu 7, Fri 8, Mon 11
        assertEquals(LocalDate.of(2027, 1, 11), days.deadline(LocalDate.of(2026, 12, 31), 5));
        // received on a Saturday: the first working day is Monday
        assertEquals(LocalDate.of(2027, 1, 4), days.deadline(LocalDate.of(2027, 1, 2), 1));
        assertEquals(LocalDate.of(2026, 12, 14), new WorkingDays(Set.of()).deadline(LocalDate.of(2026, 11, 30), 10));
    }

    @Test
    void countsBackOverWeekendsAndHolidays() {
        WorkingDays days = new WorkingDays(Set.of(LocalDate.of(2027, 1, 6)));
        // two working days before Monday 11 January: Fri 8, Thu 7
        assertEquals(LocalDate.of(2027, 1, 7), days.before(LocalDate.of(2027, 1, 11), 2));
        // three: Tue 5 (Wed 6 is a holiday)
        assertEquals(LocalDate.of(2027, 1, 5), days.before(LocalDate.of(2027, 1, 11), 3));
        assertEquals(LocalDate.of(2027, 1, 11), days.before(LocalDate.of(2027, 1, 11), 0));
    }

    @Test
    void readsTheConfiguredList() {
        WorkingDays days = WorkingDays.ofConfig("2027-03-08, 2027-05-01", "2027-06-28");
        assertEquals(Set.of(LocalDate.of(2027, 3, 8), LocalDate.of(2027, 5, 1), LocalDate.of(2027, 6, 28)), days.holidays());
        assertFalse(days.working(LocalDate.of(2027, 3, 8)));
        assertTrue(WorkingDays.ofConfig().holidays().isEmpty());
        assertTrue(WorkingDays.ofConfig("").holidays().isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkingDays.ofConfig("08.03.2027"));
        assertTrue(e.getMessage().contains("08.03.2027"));
    }
}
