package ua.hromada.crm.service.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ua.hromada.portal.testing.ShippedConfig;

/** The routing's keys as config/ua.hromada.crm.cfg ships them, and values refused at start. */
class RoutingSettingsTest {

    @Test
    void theShippedKeys() throws Exception {
        java.util.Properties shipped = ShippedConfig.read(RoutingImpl.PID);
        Map<String, Object> properties = new java.util.HashMap<>();
        shipped.forEach((k, v) -> properties.put(k.toString(), v));
        RoutingSettings s = RoutingSettings.of(properties);
        assertEquals(0.6, s.threshold());
        assertEquals(20, s.retrainAfter());
        assertEquals(Duration.ofHours(24), s.maxAge());
        assertEquals(RoutingSettings.defaults(), RoutingSettings.of(Map.of()));
    }

    @Test
    void wrongValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RoutingSettings.of(Map.of("routing.threshold", "1.5")));
        assertThrows(IllegalArgumentException.class, () -> RoutingSettings.of(Map.of("routing.threshold", "високий")));
        assertEquals(1, RoutingSettings.of(Map.of("routing.retrain.after", "0")).retrainAfter());
    }
}
