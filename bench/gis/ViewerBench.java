package ua.hromada.gis.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import ua.hromada.gis.api.GisPermissions;
import ua.hromada.gis.api.GisViewer;
import ua.hromada.gis.api.ViewerAnswer;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.jdbc.CommunityDataSource;
import ua.hromada.portal.api.map.BoundingBox;
import ua.hromada.portal.testing.TestCommunities;

/**
 * bench/gis: what the map viewer's server side does per map move, timed on the portal's own
 * database while the bench portal runs. The viewer asks {@link GisViewer#view} once per visible
 * layer through a Vaadin call (MapHost.onLayerView), not over HTTP, so the service is called here
 * directly: the same classes as the portal's bundle, a HikariCP pool as the portal's, connections as
 * hromada_app in the community (row-level security as in the portal).
 * In package ua.hromada.gis.service for GisDatabase's constructor over an already migrated database.
 *
 * Args: jdbcUrl community pointsLayerId polygonsLayerId warmupMoves movesPerZoom zoom...
 * Prints one line per zoom: "VIEWERJSON {...}" with the times (ms) of every move.
 */
public final class ViewerBench {
    // the city the moves pan over, and a desktop map's size in pixels
    private static final double WEST = 34.45, EAST = 34.65, SOUTH = 49.52, NORTH = 49.65;
    private static final int WIDTH_PX = 1280, HEIGHT_PX = 720;

    private ViewerBench() {
    }

    public static void main(String[] args) {
        String url = args[0];
        String community = args[1];
        long points = Long.parseLong(args[2]);
        long polygons = Long.parseLong(args[3]);
        int warmup = Integer.parseInt(args[4]);
        int moves = Integer.parseInt(args[5]);
        int[] zooms = Arrays.stream(args, 6, args.length).mapToInt(Integer::parseInt).toArray();

        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setMaximumPoolSize(2);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            TestCommunities communities = new TestCommunities();
            GisDatabase db = new GisDatabase(new CommunityDataSource(pool, () -> community), communities,
                    Clock.systemUTC());
            GisViewer viewer = new GisViewerImpl(db);
            PortalUser user = new PortalUser(1, "bench", "bench", Set.of(), Set.of(GisPermissions.VIEW));
            Random random = new Random(12);
            for (int zoom : zooms) {
                List<double[]> times = new ArrayList<>();
                long[] shown = new long[4];
                for (int i = 0; i < warmup + moves; i++) {
                    BoundingBox box = window(random, zoom);
                    long t0 = System.nanoTime();
                    ViewerAnswer p = viewer.view(user, points, box, zoom);
                    long t1 = System.nanoTime();
                    ViewerAnswer q = viewer.view(user, polygons, box, zoom);
                    long t2 = System.nanoTime();
                    if (i < warmup) {
                        continue;
                    }
                    times.add(new double[] {(t1 - t0) / 1e6, (t2 - t1) / 1e6, (t2 - t0) / 1e6});
                    shown[0] += p.total();
                    shown[1] += p.clustered() ? p.clusters().size() : p.features().size();
                    shown[2] += p.clustered() ? 1 : 0;
                    shown[3] += q.clustered() ? q.clusters().size() : q.features().size();
                }
                System.out.println("VIEWERJSON " + json(zoom, times, shown, moves));
            }
        }
    }

    /** A map window of the zoom's size (Web Mercator, 256 px tiles) centred at a random point of the city. */
    static BoundingBox window(Random random, int zoom) {
        double lon = WEST + random.nextDouble() * (EAST - WEST);
        double lat = SOUTH + random.nextDouble() * (NORTH - SOUTH);
        double worldPx = 256 * Math.pow(2, zoom);
        double halfLon = WIDTH_PX / 2.0 * 360 / worldPx;
        double y = mercatorY(lat, worldPx);
        double north = latitude(y - HEIGHT_PX / 2.0, worldPx);
        double south = latitude(y + HEIGHT_PX / 2.0, worldPx);
        return new BoundingBox(south, lon - halfLon, north, lon + halfLon);
    }

    private static double mercatorY(double lat, double worldPx) {
        double s = Math.sin(Math.toRadians(lat));
        return worldPx * (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI));
    }

    private static double latitude(double y, double worldPx) {
        return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * y / worldPx))));
    }

    private static String json(int zoom, List<double[]> times, long[] shown, int moves) {
        StringBuilder b = new StringBuilder();
        b.append("{\"zoom\":").append(zoom).append(",\"moves\":").append(moves);
        String[] names = {"points", "polygons", "both"};
        for (int k = 0; k < names.length; k++) {
            b.append(",\"").append(names[k]).append("\":[");
            for (int i = 0; i < times.size(); i++) {
                b.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.3f", times.get(i)[k]));
            }
            b.append(']');
        }
        b.append(",\"pointsInWindow\":").append(shown[0] / moves).append(",\"pointsItems\":").append(shown[1] / moves)
                .append(",\"pointsClusteredMoves\":").append(shown[2]).append(",\"polygonItems\":")
                .append(shown[3] / moves).append('}');
        return b.toString();
    }
}
