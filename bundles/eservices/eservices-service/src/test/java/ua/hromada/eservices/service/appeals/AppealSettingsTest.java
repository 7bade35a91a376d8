package ua.hromada.eservices.service.appeals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ua.hromada.eservices.api.IntakeLimits;
import ua.hromada.portal.testing.ShippedConfig;
import ua.hromada.portal.testing.TestPortalSettings;

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
    void settingsReadHolidaysAndLimitsAsShippedAndConfigured() throws Exception {
        AppealSettings shipped = new AppealSettings(new TestPortalSettings(),
                ShippedConfig.as(EservicesConfig.class, ShippedConfig.read(EservicesConfig.PID)));
        assertEquals(new IntakeLimits(5, 10L * 1024 * 1024, List.of("JPEG", "PNG", "PDF"), 5000), shipped.limits());
        assertEquals(3, shipped.formMinSeconds());
        assertEquals(60, shipped.cabinetMinutes());
        assertEquals("http://127.0.0.1:8181/", shipped.portalUrl());

        AppealSettings configured = new AppealSettings(new TestPortalSettings(), ShippedConfig.as(EservicesConfig.class,
                Map.of("holidays", "2027-03-08, 2027-05-01", "portal.url", "https://rada.example/portal",
                        "appeal.file.types", "png")));
        assertFalse(configured.workingDays().working(LocalDate.of(2027, 3, 8)));
        assertEquals(List.of("PNG"), configured.limits().fileTypes());
        assertEquals("https://rada.example/portal/", configured.portalUrl());
        assertThrows(IllegalArgumentException.class, () -> new AppealSettings(new TestPortalSettings(),
                ShippedConfig.as(EservicesConfig.class, Map.of("holidays", "08.03.2027"))));
        assertThrows(IllegalArgumentException.class, () -> new AppealSettings(new TestPortalSettings(),
                ShippedConfig.as(EservicesConfig.class, Map.of("appeal.file.types", "GIF"))));
    }
}
