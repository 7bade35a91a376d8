package ua.hromada.oks.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.oks.api.OksAnalytics;
import ua.hromada.oks.api.OksAnalytics.StatusSelection;
import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.ResponsibleGroup;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.ViolationQuery;
import ua.hromada.oks.api.WorkflowAction;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalUser;

/**
 * "ОКС Аналітика" in SQL over the journal: the current tables read each violation's last journal
 * row (its action and time, copied onto the violation when the row is written), the period report reads the journal rows of the
 * period. The WHERE clause is {@link ViolationFilter}'s, so a cell and its list agree.
 */
@Component(service = OksAnalytics.class, configurationPid = OksConfig.PID)
public class OksAnalyticsImpl implements OksAnalytics {
    private final OksDatabase db;
    private final OksSettings settings;

    @Activate
    public OksAnalyticsImpl(@Reference OksDatabase db, @Reference PortalSettings portal, OksConfig config) {
        this(db, OksSettings.of(config, portal.timeZone()));
    }

    OksAnalyticsImpl(OksDatabase db, OksSettings settings) {
        this.db = db;
        this.settings = settings;
    }

    /**
     * count, &gt;7 days, &gt;30 days of the current violations per key of their last action, only
     * the actions of the selection. The age is the time in the current status: since the last
     * journal row (its time is copied onto the violation as status_at). One grouping by the
     * action's kind, served by the (status_kind, status_at) index; the kinds are rolled up to
     * groups or responsible groups through the catalogue here.
     */
    private Map<String, long[]> ages(PortalUser actor, StatusSelection selection,
            java.util.function.Function<WorkflowAction, String> key) {
        Access.require(Access.anyOks(actor));
        StatusSelection chosen = selection == null ? StatusSelection.ALL : selection;
        Timestamp mark7 = Timestamp.from(db.clock().instant().minus(Duration.ofDays(7)));
        Timestamp mark30 = Timestamp.from(db.clock().instant().minus(Duration.ofDays(30)));
        return db.read(c -> {
            List<WorkflowAction> actions = OksCatalogImpl.actions(c);
            ViolationFilter f = ViolationFilter.of(actor, ViolationQuery.current(), db.clock(), settings.zone(), actions);
            Map<String, long[]> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT v.status_kind, count(*),"
                    + " count(*) FILTER (WHERE v.status_at < ?), count(*) FILTER (WHERE v.status_at < ?)"
                    + " FROM oks.violation v" + f.where + " GROUP BY v.status_kind")) {
                ps.setTimestamp(1, mark7);
                ps.setTimestamp(2, mark30);
                for (int i = 0; i < f.params.size(); i++) {
                    ps.setObject(3 + i, f.params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        WorkflowAction action = actionOf(actions, rs.getString(1));
                        if (!chosen.includes(action)) {
                            continue;
                        }
                        long[] sum = out.computeIfAbsent(key.apply(action), k -> new long[3]);
                        sum[0] += rs.getLong(2);
                        sum[1] += rs.getLong(3);
                        sum[2] += rs.getLong(4);
                    }
                }
            }
            return out;
        });
    }

    private static WorkflowAction actionOf(List<WorkflowAction> actions, String kind) {
        return actions.stream().filter(a -> keyOf(a).equals(kind)).findFirst().orElseThrow();
    }

    /** The action's stable key, which the violation's status_kind holds. */
    private static String keyOf(WorkflowAction a) {
        return a.key();
    }

    @Override
    public List<AgeRow<StatusGroup>> byStatusGroup(PortalUser actor, StatusSelection selection) {
        StatusSelection chosen = selection == null ? StatusSelection.ALL : selection;
        Map<String, long[]> counts = ages(actor, chosen, a -> Integer.toString(a.group().number()));
        List<AgeRow<StatusGroup>> rows = new ArrayList<>();
        for (StatusGroup g : StatusGroup.values()) {
            if (g.current() && (chosen.group() == null || chosen.group() == g)) {
                long[] n = counts.getOrDefault(Integer.toString(g.number()), new long[3]);
                rows.add(new AgeRow<>(g, n[0], n[1], n[2]));
            }
        }
        return rows;
    }

    @Override
    public List<CountRow<ResponsibleGroup>> byResponsibility(PortalUser actor, StatusSelection selection) {
        Map<String, long[]> counts = ages(actor, selection, a -> a.responsible().name());
        List<CountRow<ResponsibleGroup>> rows = new ArrayList<>();
        for (ResponsibleGroup r : List.of(ResponsibleGroup.ADMINISTRATORS, ResponsibleGroup.INSPECTORS,
                ResponsibleGroup.EXECUTORS, ResponsibleGroup.NONE)) {
            long n = counts.getOrDefault(r.name(), new long[3])[0];
            // "nobody" only when an administrator made a current action so (the archive's own)
            if (r != ResponsibleGroup.NONE || n > 0) {
                rows.add(new CountRow<>(r, n));
            }
        }
        return rows;
    }

    @Override
    public List<AgeRow<WorkflowAction>> byAction(PortalUser actor, StatusSelection selection) {
        StatusSelection chosen = selection == null ? StatusSelection.ALL : selection;
        Map<String, long[]> counts = ages(actor, chosen, OksAnalyticsImpl::keyOf);
        List<WorkflowAction> actions = db.read(OksCatalogImpl::actions);
        List<AgeRow<WorkflowAction>> rows = new ArrayList<>();
        for (WorkflowAction a : actions) {
            if (a.group().current() && chosen.includes(a)) {
                long[] n = counts.getOrDefault(keyOf(a), new long[3]);
                rows.add(new AgeRow<>(a, n[0], n[1], n[2]));
            }
        }
        return rows;
    }

    @Override
    public List<OverdueRow<StatusGroup>> overdueByGroup(PortalUser actor, StatusSelection selection) {
        StatusSelection chosen = selection == null ? StatusSelection.ALL : selection;
        Map<StatusGroup, long[]> sums = new LinkedHashMap<>();
        overdue(actor, chosen, (action, executor, n) -> add(sums.computeIfAbsent(action.group(), g -> new long[2]), n));
        List<OverdueRow<StatusGroup>> rows = new ArrayList<>();
        for (StatusGroup g : StatusGroup.values()) {
            if (g.current() && (chosen.group() == null || chosen.group() == g)) {
                long[] n = sums.getOrDefault(g, new long[2]);
                rows.add(new OverdueRow<>(g, n[0], n[1]));
            }
        }
        return rows;
    }

    @Override
    public List<OverdueRow<Organisation>> overdueByExecutor(PortalUser actor, StatusSelection selection) {
        Map<Long, long[]> sums = new LinkedHashMap<>();
        Map<Long, String> names = overdue(actor, selection,
                (action, executor, n) -> add(sums.computeIfAbsent(executor, e -> new long[2]), n));
        List<OverdueRow<Organisation>> rows = new ArrayList<>();
        sums.forEach((id, n) -> rows.add(new OverdueRow<>(new Organisation(id, id == null ? null : names.get(id)),
                n[0], n[1])));
        // the latest first: most overdue, then most cases, then by name (no executor last)
        rows.sort(java.util.Comparator.<OverdueRow<Organisation>>comparingLong(OverdueRow::overdue).reversed()
                .thenComparing(java.util.Comparator.<OverdueRow<Organisation>>comparingLong(OverdueRow::count).reversed())
                .thenComparing(r -> r.key().id() == null ? "\uffff" : String.valueOf(r.key().name())));
        return rows;
    }

    private static void add(long[] sum, long[] n) {
        sum[0] += n[0];
        sum[1] += n[1];
    }

    private interface OverdueSink {
        void add(WorkflowAction action, Long executorId, long[] countAndOverdue);
    }

    /**
     * Current cases and the overdue among them per (last action, executor), only the selection's
     * actions; answers the executor organisations' names. "Overdue" is the list's filter: the
     * deadline (a day of the community) is before today there, and the executor has not reported
     * the work done (nor was it confirmed) — the same condition as {@link ViolationFilter}'s.
     */
    private Map<Long, String> overdue(PortalUser actor, StatusSelection selection, OverdueSink sink) {
        Access.require(Access.anyOks(actor));
        StatusSelection chosen = selection == null ? StatusSelection.ALL : selection;
        java.sql.Date today = java.sql.Date.valueOf(LocalDate.ofInstant(db.clock().instant(), settings.zone()));
        return db.read(c -> {
            List<WorkflowAction> actions = OksCatalogImpl.actions(c);
            ViolationFilter f = ViolationFilter.of(actor, ViolationQuery.current(), db.clock(), settings.zone(), actions);
            try (PreparedStatement ps = c.prepareStatement("SELECT v.status_kind, v.executor_id, count(*),"
                    + " count(*) FILTER (WHERE v.deadline < ? AND v.status_kind NOT IN " + ViolationStore.FINISHED_KEYS + ")"
                    + " FROM oks.violation v" + f.where + " GROUP BY v.status_kind, v.executor_id")) {
                ps.setDate(1, today);
                for (int i = 0; i < f.params.size(); i++) {
                    ps.setObject(2 + i, f.params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        WorkflowAction action = actionOf(actions, rs.getString(1));
                        long executor = rs.getLong(2);
                        Long executorId = rs.wasNull() ? null : executor;
                        if (chosen.includes(action)) {
                            sink.add(action, executorId, new long[] {rs.getLong(3), rs.getLong(4)});
                        }
                    }
                }
            }
            return names(c, "SELECT id, name FROM oks.executor_org");
        });
    }

    @Override
    public PeriodReport periodReport(PortalUser actor, LocalDate from, LocalDate to) {
        Access.require(Access.anyOks(actor));
        if (from == null || to == null) {
            throw new OksException(OksException.Reason.INVALID, "oks.error.periodRequired");
        }
        if (to.isBefore(from)) {
            throw new OksException(OksException.Reason.INVALID, "oks.error.periodOrder");
        }
        if (from.plusYears(5).isBefore(to)) {
            throw new OksException(OksException.Reason.INVALID, "oks.error.periodTooLong");
        }
        Timestamp start = ViolationFilter.startOf(from, settings.zone());
        Timestamp end = ViolationFilter.startOf(to.plusDays(1), settings.zone());
        ViolationFilter vis = ViolationFilter.visibility(actor);
        String zone = settings.zone().getId().replace("'", "");
        // registrations: the violations whose first journal row (its time is the card's created_at)
        // falls in the period; fixes: the violations whose "confirmed" row (at most one per
        // violation: only the archive may follow; its time is copied as confirmed_at) falls in it.
        // Grouped four ways in one pass.
        String visAnd = vis.where.replace(" WHERE ", " AND ");
        String sql = "SELECT GROUPING(e.day) AS g_day, GROUPING(e.type_id) AS g_type, GROUPING(e.executor_id) AS g_exec,"
                + " e.day, e.type_id, e.executor_id, count(*) FILTER (WHERE NOT e.fixed) AS registered,"
                + " count(*) FILTER (WHERE e.fixed) AS fixed, avg(e.days) FILTER (WHERE e.fixed) AS avg_days FROM ("
                + " SELECT (v.created_at AT TIME ZONE '" + zone + "')::date AS day, v.type_id, v.executor_id,"
                + " false AS fixed, NULL::float8 AS days FROM oks.violation v"
                + " WHERE v.created_at >= ? AND v.created_at < ?" + visAnd
                + " UNION ALL SELECT (v.confirmed_at AT TIME ZONE '" + zone + "')::date, v.type_id, v.executor_id, true,"
                + " extract(epoch FROM v.confirmed_at - v.created_at) / 86400.0"
                + " FROM oks.violation v WHERE v.confirmed_at >= ? AND v.confirmed_at < ?" + visAnd + ") e"
                + " GROUP BY GROUPING SETS ((), (e.day), (e.type_id), (e.executor_id))";
        return db.read(c -> {
            Map<Long, String> typeNames = names(c, "SELECT id, name FROM oks.violation_type");
            Map<Long, String> executorNames = names(c, "SELECT id, name FROM oks.executor_org");
            long registered = 0;
            long fixed = 0;
            Double average = null;
            Map<LocalDate, Daily> days = new LinkedHashMap<>();
            List<Breakdown> byType = new ArrayList<>();
            List<Breakdown> byExecutor = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int next = bindPeriod(ps, 1, start, end, vis);
                bindPeriod(ps, next, start, end, vis);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long reg = rs.getLong("registered");
                        long fix = rs.getLong("fixed");
                        double a = rs.getDouble("avg_days");
                        Double avg = rs.wasNull() ? null : round(a);
                        if (rs.getInt("g_day") == 0) {
                            LocalDate day = rs.getObject("day", LocalDate.class);
                            days.put(day, new Daily(day, reg, fix));
                        } else if (rs.getInt("g_type") == 0) {
                            long id = rs.getLong("type_id");
                            byType.add(new Breakdown(id, typeNames.get(id), reg, fix, avg));
                        } else if (rs.getInt("g_exec") == 0) {
                            long id = rs.getLong("executor_id");
                            Long key = rs.wasNull() ? null : id;
                            byExecutor.add(new Breakdown(key, key == null ? null : executorNames.get(key), reg, fix, avg));
                        } else {
                            registered = reg;
                            fixed = fix;
                            average = avg;
                        }
                    }
                }
            }
            java.util.Comparator<Breakdown> order = java.util.Comparator.comparingLong(Breakdown::registered).reversed()
                    .thenComparing(b -> b.name() == null ? "" : b.name());
            byType.sort(order);
            byExecutor.sort(order);
            List<Daily> daily = new ArrayList<>();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                daily.add(days.getOrDefault(d, new Daily(d, 0, 0)));
            }
            return new PeriodReport(from, to, registered, fixed, average, byType, byExecutor, daily);
        });
    }

    private static Map<Long, String> names(Connection c, String sql) throws SQLException {
        Map<Long, String> m = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                m.put(rs.getLong(1), rs.getString(2));
            }
        }
        return m;
    }

    private static int bindPeriod(PreparedStatement ps, int first, Timestamp start, Timestamp end, ViolationFilter vis)
            throws SQLException {
        ps.setTimestamp(first, start);
        ps.setTimestamp(first + 1, end);
        for (int i = 0; i < vis.params.size(); i++) {
            ps.setObject(first + 2 + i, vis.params.get(i));
        }
        return first + 2 + vis.params.size();
    }

    private static double round(double days) {
        return Math.round(days * 10) / 10.0;
    }
}
