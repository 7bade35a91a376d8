package ua.hromada.crm.service.routing;

import java.time.Duration;
import java.util.Map;

/**
 * The routing's keys of {@code ua.hromada.crm} (config/ua.hromada.crm.cfg): read from the component's
 * properties (the cases part designates the PID's metatype).
 *
 * @param threshold    a suggestion below this confidence (0–1) is not confident: a person chooses
 * @param retrainAfter retrain once this many routings were confirmed since the model was trained
 * @param maxAge       retrain a model older than this
 */
public record RoutingSettings(double threshold, int retrainAfter, Duration maxAge) {

    public RoutingSettings {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("routing.threshold must be between 0 and 1: " + threshold);
        }
        retrainAfter = Math.max(1, retrainAfter);
    }

    public static RoutingSettings defaults() {
        return new RoutingSettings(0.6, 20, Duration.ofHours(24));
    }

    static RoutingSettings of(Map<String, Object> properties) {
        RoutingSettings d = defaults();
        return new RoutingSettings(number(properties, "routing.threshold", d.threshold()),
                (int) number(properties, "routing.retrain.after", d.retrainAfter()),
                Duration.ofHours((long) number(properties, "routing.retrain.hours", d.maxAge().toHours())));
    }

    private static double number(Map<String, Object> properties, String key, double fallback) {
        Object value = properties.get(key);
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is not a number: " + value, e);
        }
    }
}
