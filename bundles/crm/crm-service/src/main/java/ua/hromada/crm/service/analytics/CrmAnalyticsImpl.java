package ua.hromada.crm.service.analytics;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.crm.api.CrmAnalytics;
import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.CrmPermissions;
import ua.hromada.crm.api.RuleFindings;
import ua.hromada.crm.api.ServiceTimes;
import ua.hromada.crm.api.SlaBreaches;
import ua.hromada.crm.api.Topic;
import ua.hromada.crm.api.TopicMonth;
import ua.hromada.crm.service.CrmDatabase;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.jdbc.Statements;

/**
 * The head's analytics, each table one SQL query over the period's cases (medians and percentiles by
 * PostgreSQL's {@code percentile_cont}); a period is days of the community's calendar. The cases a
 * table counts are those registered in the period, except processing times, which are the cases
 * issued in it (the period's output).
 */
@Component(service = CrmAnalytics.class)
public class CrmAnalyticsImpl implements CrmAnalytics {
    /** The longest period one request may span: 10 years of days. */
    static final int MAX_DAYS = 3660;

    /**
     * Both percentiles from one sort of each service's times; the cards joined to the ≤ 500 groups, not the rows.
     * processing_hours (V6) is the hours this query computed per row, read with the card in the order the
     * percentiles sort (index service_case_times), so the sort finds its input sorted.
     */
    private static final String SERVICE_TIMES = "SELECT s.local_code, s.name, t.n, t.p[1], t.p[2] FROM ("
            + " SELECT c.card_id, count(*) AS n, percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP"
            + " (ORDER BY c.processing_hours) AS p"
            + " FROM crm.service_case c WHERE c.status = 'ISSUED' AND c.issued_at >= ? AND c.issued_at < ?"
            + " GROUP BY c.card_id) t JOIN crm.service_card s ON s.id = t.card_id ORDER BY t.p[2] DESC, s.name";

    /**
     * The period's edges against the UTC months case_month (V7) keeps: a = the UTC month start nearest the
     * period's first instant, b = nearest its end. The cases registered in [lo, hi) are those of the whole
     * UTC months [a, b) plus the signed edges [lo, a) and [b, hi) (an edge whose bound is after the other
     * counts negatively): exact whatever the zone, and each edge at most 16 days of cases.
     */
    private static final String EDGES = "SELECT a, b, least(lo, a) AS lo1, greatest(lo, a) AS hi1,"
            + " CASE WHEN lo < a THEN 1 ELSE -1 END AS s1, least(b, hi) AS lo2, greatest(b, hi) AS hi2,"
            + " CASE WHEN b < hi THEN 1 ELSE -1 END AS s2%s FROM (SELECT %s, crm.utc_month_near(lo) AS a,"
            + " crm.utc_month_near(hi) AS b FROM %s) q";

    /**
     * Issued late: on a day of the zone after the deadline, i.e. at or after the first local midnight after it.
     * Whole UTC months from case_month (late there: late in every zone), plus their cases issued within the
     * two UTC days around the deadline's end judged in the zone (index service_case_sla_band); the edges'
     * cases judged on their rows; overdue: the period's open cases (index service_case_open_period).
     */
    private static final String BREACHES = "WITH p AS MATERIALIZED (" + String.format(Locale.ROOT, EDGES, ", lo, hi",
            "lo, hi", "(SELECT ?::timestamptz AS lo, ?::timestamptz AS hi) o") + "),"
            + " e AS (SELECT p.s1 AS sign, c.card_id, c.deadline, c.issued_at FROM p JOIN crm.service_case c"
            + " ON c.registered_at >= p.lo1 AND c.registered_at < p.hi1"
            + " UNION ALL SELECT p.s2, c.card_id, c.deadline, c.issued_at FROM p JOIN crm.service_case c"
            + " ON c.registered_at >= p.lo2 AND c.registered_at < p.hi2)"
            + " SELECT s.local_code, s.name, b.total, b.late, b.overdue FROM (SELECT t.card_id, sum(t.total)::bigint AS total,"
            + " sum(t.late)::bigint AS late, sum(t.overdue)::bigint AS overdue FROM ("
            + " SELECT m.card_id, m.cases AS total, m.late, 0 AS overdue FROM p JOIN crm.case_month m"
            + " ON m.month >= p.a AND m.month < p.b"
            + " UNION ALL SELECT c.card_id, 0, 1, 0 FROM p JOIN crm.service_case c ON c.registered_at >= p.a"
            + " AND c.registered_at < p.b WHERE c.issued_at >= c.deadline::timestamp AT TIME ZONE 'UTC'"
            + " AND c.issued_at < (c.deadline + 2)::timestamp AT TIME ZONE 'UTC'"
            + " AND c.issued_at >= (c.deadline + 1)::timestamp AT TIME ZONE ?"
            + " UNION ALL SELECT e.card_id, e.sign, CASE WHEN e.issued_at >= (e.deadline + 1)::timestamp AT TIME ZONE ?"
            + " THEN e.sign ELSE 0 END, 0 FROM e"
            + " UNION ALL SELECT c.card_id, 0, 0, 1 FROM p JOIN crm.service_case c ON c.registered_at >= p.lo"
            + " AND c.registered_at < p.hi WHERE c.status NOT IN ('ISSUED', 'CANCELLED') AND c.deadline < ?"
            + ") t GROUP BY t.card_id) b JOIN crm.service_card s ON s.id = b.card_id"
            + " WHERE b.late + b.overdue > 0 ORDER BY b.late + b.overdue DESC, s.name";

    /**
     * The verification's findings (V4): each row one firing; an override stays on its row. Counted per rule
     * and case first: the findings, the cases with one and the overridden ones of each rule are sums of those.
     * The case's registration is copied on the finding (V7): no join with the cases.
     */
    private static final String FINDINGS = "SELECT f.rule, sum(f.n)::bigint, count(*), sum(f.overridden)::bigint FROM ("
            + " SELECT f.rule, f.case_id, count(*) AS n, count(*) FILTER (WHERE f.overridden) AS overridden"
            + " FROM crm.case_finding f WHERE f.case_registered_at >= ? AND f.case_registered_at < ?"
            + " GROUP BY f.rule, f.case_id) f GROUP BY f.rule ORDER BY 2 DESC, 1";

    /**
     * Counted per month and card: a case's month is that of its registration in the community's zone, each
     * month of the period the range of instants from its first local midnight to the next month's (clipped
     * to the period), counted as whole UTC months of case_month (V7) plus signed edges (see EDGES).
     * MATERIALIZED keeps the bounds plain values, which row-level security lets the index use. Numbers only:
     * naming and ordering 30 000 rows (5 years of 500 services) in SQL took four times the counting.
     */
    private static final String TOPIC_COUNTS = "WITH m AS MATERIALIZED (" + String.format(Locale.ROOT, EDGES, ", month",
            "month, lo, hi", "(SELECT d::date AS month,"
            + " greatest(?::timestamptz, d AT TIME ZONE ?) AS lo, least(?::timestamptz, (d + interval '1 month') AT TIME ZONE ?) AS hi"
            + " FROM generate_series(date_trunc('month', ?::timestamptz AT TIME ZONE ?), ?::timestamptz AT TIME ZONE ?,"
            + " interval '1 month') d) d") + "),"
            + " x AS (SELECT m.month, g.card_id, g.cases AS n FROM m JOIN crm.case_month g ON g.month >= m.a AND g.month < m.b"
            + " UNION ALL SELECT m.month, e.card_id, m.s1 * e.n FROM m CROSS JOIN LATERAL (SELECT c.card_id, count(*)::int AS n"
            + " FROM crm.service_case c WHERE c.registered_at >= m.lo1 AND c.registered_at < m.hi1 GROUP BY c.card_id) e"
            + " UNION ALL SELECT m.month, e.card_id, m.s2 * e.n FROM m CROSS JOIN LATERAL (SELECT c.card_id, count(*)::int AS n"
            + " FROM crm.service_case c WHERE c.registered_at >= m.lo2 AND c.registered_at < m.hi2 GROUP BY c.card_id) e)"
            + " SELECT x.month, x.card_id, sum(x.n)::bigint FROM x GROUP BY x.month, x.card_id";

    /** Each card's topic (its name or queue group) and the topic's rank in the database's collation. */
    private static final String TOPIC_NAMES = "SELECT s.id, %1$s, dense_rank() OVER (ORDER BY %1$s) FROM crm.service_card s";

    private final CrmDatabase database;
    private final PortalSettings settings;

    @Activate
    public CrmAnalyticsImpl(@Reference CrmDatabase database, @Reference PortalSettings settings) {
        this.database = database;
        this.settings = settings;
    }

    @Override
    public List<ServiceTimes> serviceTimes(PortalUser user, LocalDate from, LocalDate to) {
        Timestamp[] p = period(user, from, to);
        return database.read(c -> Statements.list(c, SERVICE_TIMES, rs -> new ServiceTimes(rs.getString(1),
                rs.getString(2), rs.getLong(3), rs.getDouble(4), rs.getDouble(5)), p[0], p[1]));
    }

    @Override
    public List<SlaBreaches> slaBreaches(PortalUser user, LocalDate from, LocalDate to) {
        Timestamp[] p = period(user, from, to);
        ZoneId zone = settings.timeZone();
        LocalDate today = settings.today();
        return database.read(c -> Statements.list(c, BREACHES, rs -> new SlaBreaches(rs.getString(1), rs.getString(2),
                rs.getLong(3), rs.getLong(4), rs.getLong(5)), p[0], p[1], zone.getId(), zone.getId(), today));
    }

    @Override
    public List<RuleFindings> findings(PortalUser user, LocalDate from, LocalDate to) {
        Timestamp[] p = period(user, from, to);
        return database.read(c -> Statements.list(c, FINDINGS, rs -> new RuleFindings(rs.getString(1), rs.getLong(2),
                rs.getLong(3), rs.getLong(4)), p[0], p[1]));
    }

    /**
     * The cases per month and topic, newest counts first within a month, ties by the topic's name; a topic
     * of several cards (a queue group, two cards of one name) is their sum; months without cases are left out.
     */
    @Override
    public List<TopicMonth> topics(PortalUser user, LocalDate from, LocalDate to, Topic topic) {
        Timestamp[] p = period(user, from, to);
        String column = topic == Topic.QUEUE_GROUP ? "s.queue_group" : "s.name";
        String zone = settings.timeZone().getId();
        return database.read(c -> {
            Map<Long, Integer> rankOfCard = new HashMap<>();
            Map<Integer, String> topicOfRank = new HashMap<>();
            Statements.list(c, String.format(Locale.ROOT, TOPIC_NAMES, column), rs -> {
                rankOfCard.put(rs.getLong(1), rs.getInt(3));
                topicOfRank.put(rs.getInt(3), rs.getString(2));
                return null;
            });
            Map<LocalDate, long[]> counts = new TreeMap<>();
            int ranks = topicOfRank.size() + 1;
            Statements.list(c, TOPIC_COUNTS, rs -> {
                Integer rank = rankOfCard.get(rs.getLong(2));
                if (rank != null) {
                    counts.computeIfAbsent(rs.getObject(1, LocalDate.class), m -> new long[ranks])[rank] += rs.getLong(3);
                }
                return null;
            }, p[0], zone, p[1], zone, p[0], zone, p[1], zone);
            List<TopicMonth> rows = new ArrayList<>();
            counts.forEach((month, n) -> {
                List<Integer> present = new ArrayList<>();
                for (int r = 1; r < n.length; r++) {
                    if (n[r] > 0) {
                        present.add(r);
                    }
                }
                present.sort(Comparator.<Integer>comparingLong(r -> -n[r]).thenComparingInt(r -> r));
                YearMonth ym = YearMonth.from(month);
                present.forEach(r -> rows.add(new TopicMonth(ym, topicOfRank.get(r), n[r])));
            });
            return rows;
        });
    }

    @Override
    public byte[] export(PortalUser user, LocalDate from, LocalDate to, Locale locale) {
        period(user, from, to);
        return AnalyticsWorkbook.write(locale, from, to, serviceTimes(user, from, to), slaBreaches(user, from, to),
                findings(user, from, to), topics(user, from, to, Topic.SERVICE),
                topics(user, from, to, Topic.QUEUE_GROUP));
    }

    /** The period's bounds as instants of the community's days; refused unless the head asks for a real period. */
    private Timestamp[] period(PortalUser user, LocalDate from, LocalDate to) {
        if (user == null || !user.hasPermission(CrmPermissions.HEAD)) {
            throw new CrmException(Reason.FORBIDDEN, "crm.error.forbidden");
        }
        if (from == null || to == null) {
            throw new CrmException(from == null ? Map.of("from", "crm.analytics.error.dateRequired")
                    : Map.of("to", "crm.analytics.error.dateRequired"));
        }
        if (to.isBefore(from)) {
            throw new CrmException(Map.of("to", "crm.analytics.error.order"));
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new CrmException(Map.of("from", "crm.analytics.error.tooLong"));
        }
        ZoneId zone = settings.timeZone();
        return new Timestamp[] {Timestamp.from(from.atStartOfDay(zone).toInstant()),
                Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant())};
    }
}
