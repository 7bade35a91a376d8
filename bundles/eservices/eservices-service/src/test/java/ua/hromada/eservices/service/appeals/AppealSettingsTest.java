package ua.hromada.eservices.service.appeals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ua.hromada.eservices.api.IntakeLimits;
import ua.hromada.portal.testing.ShippedConfig;
import ua.hromada.portal.testing.TestPortalSettings;

/** The e-appeals settings as shipped and as configured (the calendar itself: portal-api's WorkingDaysTest). */
class AppealSettingsTest {

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
