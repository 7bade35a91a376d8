package ua.hromada.oks.service;

import java.time.ZoneId;

/**
 * The configuration as plain values, so the services are built the same way in tests; the zone is
 * the community's (PortalSettings), read when the service starts.
 */
record OksSettings(long photoMaxBytes, long photoMaxPixels, int defaultDeadlineDays, int urgentDeadlineDays,
        double[] bounds, ZoneId zone, int mapMaxPoints) {

    static OksSettings of(OksConfig c, ZoneId zone) {
        return new OksSettings(Math.max(1, c.photo_max_size_mb()) * 1024L * 1024L,
                Math.max(1, c.photo_max_megapixels()) * 1_000_000L, Math.max(1, c.default_deadline_days()),
                Math.max(0, c.urgent_deadline_days()), parseBounds(c.bounds()), zone,
                Math.max(100, c.map_max_points()));
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
        return bounds == null || (lat >= bounds[0] && lat <= bounds[2] && lon >= bounds[1] && lon <= bounds[3]);
    }
}
