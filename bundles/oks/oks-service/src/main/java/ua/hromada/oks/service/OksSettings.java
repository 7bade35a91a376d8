package ua.hromada.oks.service;

import java.time.ZoneId;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.portal.api.community.Community;

/**
 * The configuration as plain values, so the services are built the same way in tests; the zone is
 * the community's (PortalSettings), read when the service starts.
 */
record OksSettings(long photoMaxBytes, long photoMaxPixels, int defaultDeadlineDays, int urgentDeadlineDays,
        double[] bounds, ZoneId zone, int mapMaxPoints, boolean keepOriginalPhotos) {
    private static final Logger LOG = LoggerFactory.getLogger(OksSettings.class);

    /** Settings that keep no photo originals (photo.keep.original=false, the default). */
    OksSettings(long photoMaxBytes, long photoMaxPixels, int defaultDeadlineDays, int urgentDeadlineDays,
            double[] bounds, ZoneId zone, int mapMaxPoints) {
        this(photoMaxBytes, photoMaxPixels, defaultDeadlineDays, urgentDeadlineDays, bounds, zone, mapMaxPoints, false);
    }

    static OksSettings of(OksConfig c, ZoneId zone) {
        return new OksSettings(Math.max(1, c.photo_max_size_mb()) * 1024L * 1024L,
                Math.max(1, c.photo_max_megapixels()) * 1_000_000L, Math.max(1, c.default_deadline_days()),
                Math.max(0, c.urgent_deadline_days()), parseBounds(c.bounds()), zone,
                Math.max(100, c.map_max_points()), c.photo_keep_original());
    }

    static double[] parseBounds(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw new IllegalArgumentException("bounds must be south,west,north,east: " + text);
        }
        double[] b = new double[4];
        for (int i = 0; i < 4; i++) {
            b[i] = Double.parseDouble(parts[i].strip());
        }
        return b;
    }

    boolean inside(double lat, double lon) {
        return inside(bounds, lat, lon);
    }

    /**
     * Inside the community's territory: its own {@code bounds} (settings overlay of
     * {@value OksConfig#PID}) where it sets them, else the shared ones.
     */
    boolean inside(Community community, double lat, double lon) {
        Optional<String> own = community.setting(OksConfig.PID, "bounds");
        if (own.isEmpty()) {
            return inside(lat, lon);
        }
        try {
            return inside(parseBounds(own.get()), lat, lon);
        } catch (IllegalArgumentException e) { // NumberFormatException too: a mistyped overlay
            LOG.warn("bounds of community {} are not south,west,north,east ({}): the shared bounds apply",
                    community.id(), own.get());
            return inside(lat, lon);
        }
    }

    private static boolean inside(double[] b, double lat, double lon) {
        return b == null || (lat >= b[0] && lat <= b[2] && lon >= b[1] && lon <= b[3]);
    }
}
