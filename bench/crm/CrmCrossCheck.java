package ua.hromada.crm.verification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ua.hromada.crm.api.CaseQuery;
import ua.hromada.crm.api.LoadCell;
import ua.hromada.crm.api.RuleFindings;
import ua.hromada.crm.api.ServiceTimes;
import ua.hromada.crm.api.Topic;
import ua.hromada.crm.api.TopicMonth;
import ua.hromada.crm.service.CrmTestSetup;

/**
 * The bench's proof that the faster queries (V6__performance.sql and the SQL over it) give exactly what
 * the former ones gave on the 200 000 cases: the former SQL, per row (ILIKE on each field, the zone's
 * month, hour and weekday of every row, the hours computed per row), run here as the owner, against
 * the services' answers. Any difference stops the bench.
 */
final class CrmCrossCheck {
    private static final String COMMUNITY = "'default'";

    private CrmCrossCheck() {
    }

    /** What was compared, for the report; throws on the first difference. */
    static String run(CrmTestSetup setup) throws SQLException {
        ZoneId zone = setup.settings().timeZone();
        List<String> texts = List.of("Шевченко", "шЕВЧЕНКО", "ко", "2024-01", "довідка", "1000012", "Послуга № 17 ",
                "-4", "%", "_", "ё", "Шевченко-5", "1000003507", "ченко-1", "a_b");
        int compared;
        try (Connection c = setup.dataSource().getConnection()) {
            compared = compareListAndAnalytics(setup, c, texts);
            // the aggregates V7 keeps by triggers follow changed cases: issued around the deadline's end (late in
            // Kyiv, not in UTC, and the other way round), moved to another card or month, deleted
            setup.execute(CHANGES);
            compareListAndAnalytics(setup, c, texts);
            for (int weeks : List.of(8, 52)) {
                var plan = setup.queue().load(setup.head, weeks);
                Timestamp start = Timestamp.from(plan.from().atStartOfDay(zone).toInstant());
                Timestamp end = Timestamp.from(plan.to().plusDays(1).atStartOfDay(zone).toInstant());
                Map<List<Object>, Long> tickets = counts(c, "SELECT extract(isodow FROM taken_at AT TIME ZONE ?)::int,"
                        + " extract(hour FROM taken_at AT TIME ZONE ?)::int, count(*) FROM crm.queue_ticket WHERE community = "
                        + COMMUNITY + " AND taken_at >= ? AND taken_at < ? GROUP BY 1, 2", zone.getId(), zone.getId(), start, end);
                Map<List<Object>, Long> desk = counts(c, "SELECT extract(isodow FROM registered_at AT TIME ZONE ?)::int,"
                        + " extract(hour FROM registered_at AT TIME ZONE ?)::int, count(*) FROM crm.service_case WHERE community = "
                        + COMMUNITY + " AND registered_at >= ? AND registered_at < ? AND source = 'FRONT_DESK' GROUP BY 1, 2",
                        zone.getId(), zone.getId(), start, end);
                Map<List<Object>, Long> planTickets = new TreeMap<>(CrmCrossCheck::compare);
                Map<List<Object>, Long> planDesk = new TreeMap<>(CrmCrossCheck::compare);
                for (LoadCell cell : plan.cells()) {
                    List<Object> key = List.of(cell.weekday().getValue(), cell.hour());
                    long t = Math.round(cell.tickets() * weeks);
                    long d = Math.round(cell.cases() * weeks);
                    if (t > 0) {
                        planTickets.put(key, t);
                    }
                    if (d > 0) {
                        planDesk.put(key, d);
                    }
                }
                same("load plan tickets, " + weeks + " weeks", List.copyOf(tickets.entrySet()), List.copyOf(planTickets.entrySet()));
                same("load plan front desk, " + weeks + " weeks", List.copyOf(desk.entrySet()), List.copyOf(planDesk.entrySet()));
            }
        }
        return "the case list (count and first page) for " + compared + " texts and all cases, topics by service and by"
                + " queue group, processing times, SLA breaches and findings over 1 year, 5 years and from 2024-03-17, the load plan"
                + " over 8 and 52 weeks: identical to the former per-row SQL; the list and the analytics again after"
                + " changing cases (issued around the deadline's end, moved to another card or 40 days back, deadline moved,"
                + " deleted: V7's aggregates follow)";
    }

    /** Changes of the cases after which everything is compared again (as the owner: triggers fire, RLS aside). */
    private static final String CHANGES = "UPDATE crm.service_case SET status = 'ISSUED', issued_at = (deadline::timestamp"
            + " + interval '23 hours 30 minutes') AT TIME ZONE 'UTC' WHERE id % 37 = 0;"
            + " UPDATE crm.service_case SET status = 'ISSUED', issued_at = (deadline::timestamp + interval '21 hours 30 minutes')"
            + " AT TIME ZONE 'UTC' WHERE id % 41 = 0;"
            + " UPDATE crm.service_case SET card_id = coalesce((SELECT min(k.id) FROM crm.service_card k"
            + " WHERE k.id > service_case.card_id), (SELECT min(k.id) FROM crm.service_card k)) WHERE id % 43 = 0;"
            + " UPDATE crm.service_case SET registered_at = registered_at - interval '40 days' WHERE id % 47 = 0;"
            + " UPDATE crm.service_case SET deadline = deadline + 3 WHERE id % 53 = 0;"
            + " DELETE FROM crm.service_case WHERE id % 59 = 0";

    /** The case list's counts and first pages for the texts, and the analytics over three periods; their number. */
    private static int compareListAndAnalytics(CrmTestSetup setup, Connection c, List<String> texts) throws SQLException {
        var cases = setup.cases();
        var analytics = setup.analytics();
        ZoneId zone = setup.settings().timeZone();
        LocalDate today = setup.settings().today();
        int compared = 0;
        for (String text : texts) {
            CaseQuery q = new CaseQuery(null, false, 0, text, false);
            String like = "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            String where = " FROM crm.service_case s JOIN crm.applicant a ON a.community = s.community"
                    + " AND a.id = s.applicant_id WHERE s.community = " + COMMUNITY
                    + " AND (s.number ILIKE ? OR s.service_name ILIKE ? OR s.appeal_number ILIKE ? OR a.last_name ILIKE ?"
                    + " OR a.organisation_name ILIKE ? OR a.tax_number ILIKE ? OR a.edrpou ILIKE ?)";
            Object[] p = {like, like, like, like, like, like, like};
            same("count «" + text + "»", longs(c, "SELECT count(*)" + where, p), List.of((long) cases.count(setup.head, q)));
            same("first page «" + text + "»", longs(c, "SELECT s.id" + where
                    + " ORDER BY s.registered_at DESC, s.id DESC LIMIT 50", p),
                    cases.find(setup.head, q, 0, 50).stream().map(v -> v.id()).toList());
            same("capped count «" + text + "»", List.of(Math.min((long) cases.count(setup.head, q), 1001L)),
                    List.of((long) cases.countUpTo(setup.head, q, 1000)));
            compared++;
        }
        same("count of all cases", longs(c, "SELECT count(*) FROM crm.service_case WHERE community = " + COMMUNITY),
                List.of((long) cases.count(setup.head, CaseQuery.all())));
        for (LocalDate from : List.of(today.minusYears(1), today.minusYears(5), LocalDate.of(2024, 3, 17))) {
            Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
            Timestamp end = Timestamp.from(today.plusDays(1).atStartOfDay(zone).toInstant());
            for (Topic topic : Topic.values()) {
                String column = topic == Topic.QUEUE_GROUP ? "s.queue_group" : "s.name";
                same("topics " + topic + " from " + from, rows(c, "SELECT m.month, " + column + ", sum(m.n)::bigint FROM ("
                        + " SELECT date_trunc('month', c.registered_at AT TIME ZONE ?)::date AS month, c.card_id, count(*) AS n"
                        + " FROM crm.service_case c WHERE c.community = " + COMMUNITY
                        + " AND c.registered_at >= ? AND c.registered_at < ? GROUP BY 1, 2) m"
                        + " JOIN crm.service_card s ON s.id = m.card_id GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2",
                        zone.getId(), start, end),
                        analytics.topics(setup.head, from, today, topic).stream().map(CrmCrossCheck::row).toList());
            }
            same("processing times from " + from, rows(c, "SELECT s.local_code, t.n, t.p[1], t.p[2] FROM ("
                    + " SELECT c.card_id, count(*) AS n, percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP"
                    + " (ORDER BY extract(epoch FROM c.issued_at - c.registered_at) / 3600) AS p"
                    + " FROM crm.service_case c WHERE c.community = " + COMMUNITY + " AND c.status = 'ISSUED'"
                    + " AND c.issued_at >= ? AND c.issued_at < ? GROUP BY c.card_id) t JOIN crm.service_card s"
                    + " ON s.id = t.card_id ORDER BY t.p[2] DESC, s.name", start, end),
                    analytics.serviceTimes(setup.head, from, today).stream().map(CrmCrossCheck::row).toList());
            same("SLA breaches from " + from, rows(c, "SELECT s.local_code, b.total, b.late, b.overdue FROM ("
                    + " SELECT c.card_id, count(*) AS total, count(*) FILTER (WHERE c.issued_at IS NOT NULL"
                    + " AND (c.issued_at AT TIME ZONE ?)::date > c.deadline) AS late, count(*) FILTER (WHERE c.status"
                    + " NOT IN ('ISSUED', 'CANCELLED') AND c.deadline < ?) AS overdue FROM crm.service_case c"
                    + " WHERE c.community = " + COMMUNITY + " AND c.registered_at >= ? AND c.registered_at < ?"
                    + " GROUP BY c.card_id) b JOIN crm.service_card s ON s.id = b.card_id WHERE b.late + b.overdue > 0"
                    + " ORDER BY b.late + b.overdue DESC, s.name", zone.getId(), today, start, end),
                    analytics.slaBreaches(setup.head, from, today).stream()
                            .map(b -> List.<Object>of(b.code(), b.cases(), b.issuedLate(), b.openOverdue())).toList());
            same("findings from " + from, rows(c, "SELECT f.rule, count(*), count(DISTINCT f.case_id),"
                    + " count(*) FILTER (WHERE f.overridden) FROM crm.case_finding f JOIN crm.service_case c"
                    + " ON c.id = f.case_id WHERE c.community = " + COMMUNITY + " AND c.registered_at >= ?"
                    + " AND c.registered_at < ? GROUP BY f.rule ORDER BY 2 DESC, 1", start, end),
                    analytics.findings(setup.head, from, today).stream().map(CrmCrossCheck::row).toList());
        }
        return compared;
    }

    private static List<Object> row(TopicMonth t) {
        return List.of(t.month().atDay(1), t.topic(), t.cases());
    }

    private static List<Object> row(ServiceTimes t) {
        return List.of(t.code(), t.issued(), t.medianHours(), t.p90Hours());
    }

    private static List<Object> row(RuleFindings f) {
        return List.of(f.rule(), f.fired(), f.cases(), f.overridden());
    }

    private static void same(String what, List<?> expected, List<?> actual) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException("cross-check failed: " + what + "\n former: " + head(expected)
                    + "\n now:    " + head(actual));
        }
        if (expected.isEmpty() && !what.startsWith("count")) {
            System.err.println("cross-check: " + what + " is empty on both sides");
        }
    }

    private static String head(List<?> l) {
        return l.size() + " rows " + l.subList(0, Math.min(5, l.size()));
    }

    @SuppressWarnings("unchecked")
    private static int compare(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            int r = ((Comparable<Object>) a.get(i)).compareTo(b.get(i));
            if (r != 0) {
                return r;
            }
        }
        return 0;
    }

    private static Map<List<Object>, Long> counts(Connection c, String sql, Object... params) throws SQLException {
        Map<List<Object>, Long> m = new TreeMap<>(CrmCrossCheck::compare);
        for (List<Object> r : rows(c, sql, params)) {
            m.put(List.of(r.get(0), r.get(1)), (Long) r.get(2));
        }
        return m;
    }

    private static List<Long> longs(Connection c, String sql, Object... params) throws SQLException {
        return rows(c, sql, params).stream().map(r -> (Long) r.get(0)).toList();
    }

    private static List<List<Object>> rows(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> r = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        Object v = rs.getObject(i);
                        r.add(v instanceof java.sql.Date d ? d.toLocalDate() : v instanceof Integer x ? x : v);
                    }
                    rows.add(r);
                }
            }
            return rows;
        }
    }
}
