package ua.hromada.oks.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.oks.api.ViolationMap;
import ua.hromada.oks.api.ViolationQuery;
import ua.hromada.oks.api.WorkflowAction;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.map.BoundingBox;
import ua.hromada.portal.api.map.MapGrid;

/**
 * The map's cases over PostGIS: the list's {@link ViolationFilter} of the query plus the visible
 * box; one by one from {@link MapGrid#POINTS_FROM_ZOOM} on or while there are at most
 * {@code map.max.points}, else counted in grid cells that shrink as the map zooms in. Each case's
 * last action is its catalogue row as the journal shows it (code, name, groups).
 */
@Component(service = ViolationMap.class, configurationPid = OksConfig.PID)
public class ViolationMapImpl implements ViolationMap {
    /** Near enough to see single houses, every case is drawn; this only bounds a pathological answer. */
    private static final int MAX_NEAR_POINTS = 5000;
    /** The card's overdue rule: deadline passed and the last action does not finish the executor's work. */
    private static final String OVERDUE = "(v.deadline < ? AND v.status_kind NOT IN " + ViolationStore.FINISHED_KEYS + ")";
    private static final String POINTS = "SELECT v.id, v.lat, v.lon, " + OVERDUE + ", t.name, v.created_at, v.status_at,"
            + " " + ActionRows.select("a") + ViolationFilter.FROM
            + " JOIN oks.violation_type t ON t.id = v.type_id";

    private final OksDatabase db;
    private final OksSettings settings;

    @Activate
    public ViolationMapImpl(@Reference OksDatabase db, @Reference PortalSettings portal, OksConfig config) {
        this(db, OksSettings.of(config, portal.timeZone()));
    }

    ViolationMapImpl(OksDatabase db, OksSettings settings) {
        this.db = db;
        this.settings = settings;
    }

    @Override
    public List<Marker> markers(PortalUser actor, ViolationQuery query, BoundingBox area, int zoom) {
        Access.require(Access.anyOks(actor));
        ViolationQuery q = query == null ? ViolationQuery.current() : query;
        LocalDate today = LocalDate.ofInstant(db.clock().instant(), settings.zone());
        return db.read(c -> {
            ViolationFilter f = ViolationFilter.of(actor, q, db.clock(), settings.zone(), OksCatalogImpl.actions(c))
                    .and("v.location && ST_MakeEnvelope(?, ?, ?, ?, 4326)",
                            List.of(area.west(), area.south(), area.east(), area.north()));
            List<Marker> points = points(c, f, today,
                    zoom >= MapGrid.POINTS_FROM_ZOOM ? MAX_NEAR_POINTS : settings.mapMaxPoints() + 1);
            if (zoom >= MapGrid.POINTS_FROM_ZOOM || points.size() <= settings.mapMaxPoints()) {
                return points;
            }
            return cells(c, f, today, MapGrid.cellSize(zoom));
        });
    }

    private static List<Marker> points(Connection c, ViolationFilter f, LocalDate today, int limit) throws SQLException {
        List<Marker> points = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(POINTS + f.where + " ORDER BY v.id DESC LIMIT " + limit)) {
            ps.setDate(1, java.sql.Date.valueOf(today));
            bind(ps, f, 2);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // the catalogue row itself: an added action keeps its key and effect
                    WorkflowAction last = ActionRows.read(rs, "a");
                    points.add(new Marker(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), 1, last.group(),
                            rs.getBoolean(4), rs.getString(5), instant(rs.getTimestamp(6)), last,
                            instant(rs.getTimestamp(7))));
                }
            }
        }
        return points;
    }

    private static List<Marker> cells(Connection c, ViolationFilter f, LocalDate today, double cell) throws SQLException {
        List<Marker> cells = new ArrayList<>();
        List<Long> single = new ArrayList<>();
        // PostgreSQL cannot estimate the number of cells and would sort ~10^5 rows on disk with the
        // default work_mem; with room for a hash table the cells are counted in one pass
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCAL work_mem = '32MB'");
        }
        // the filter's conditions are all on v (last-action conditions are a list of keys): no join
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*), avg(v.lat), avg(v.lon), min(v.id),"
                + " bool_or" + OVERDUE + " FROM oks.violation v" + f.where
                + " GROUP BY floor(v.lon / ?), floor(v.lat / ?)")) {
            ps.setDate(1, java.sql.Date.valueOf(today));
            int next = bind(ps, f, 2);
            ps.setDouble(next, cell);
            ps.setDouble(next + 1, cell);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt(1) > 1) {
                        cells.add(new Marker(null, rs.getDouble(2), rs.getDouble(3), rs.getInt(1), null, rs.getBoolean(5),
                                null, null, null, null));
                    } else {
                        single.add(rs.getLong(4));
                    }
                }
            }
        } finally {
            c.rollback(); // read only: ends the transaction of the SET LOCAL
            c.setAutoCommit(true);
        }
        // a cell of one case is that case, drawn as a point with its popup
        if (!single.isEmpty()) {
            cells.addAll(points(c, f.and("v.id = ANY (?)", List.of(c.createArrayOf("bigint", single.toArray()))),
                    today, single.size()));
        }
        return cells;
    }

    private static int bind(PreparedStatement ps, ViolationFilter f, int first) throws SQLException {
        for (int i = 0; i < f.params.size(); i++) {
            ps.setObject(first + i, f.params.get(i));
        }
        return first + f.params.size();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
