package ua.hromada.crm.service.analytics;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    /** Both percentiles from one sort of each service's times; the cards joined to the ≤ 500 groups, not the rows. */
    private static final String SERVICE_TIMES = "SELECT s.local_code, s.name, t.n, t.p[1], t.p[2] FROM ("
            + " SELECT c.card_id, count(*) AS n, percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP"
            + " (ORDER BY extract(epoch FROM c.issued_at - c.registered_at) / 3600) AS p"
            + " FROM crm.service_case c WHERE c.status = 'ISSUED' AND c.issued_at >= ? AND c.issued_at < ?"
            + " GROUP BY c.card_id) t JOIN crm.service_card s ON s.id = t.card_id ORDER BY t.p[2] DESC, s.name";

    private static final String BREACHES = "SELECT s.local_code, s.name, b.total, b.late, b.overdue FROM ("
            + " SELECT c.card_id, count(*) AS total,"
            + " count(*) FILTER (WHERE c.issued_at IS NOT NULL AND (c.issued_at AT TIME ZONE ?)::date > c.deadline) AS late,"
            + " count(*) FILTER (WHERE c.status NOT IN ('ISSUED', 'CANCELLED') AND c.deadline < ?) AS overdue"
            + " FROM crm.service_case c WHERE c.registered_at >= ? AND c.registered_at < ?"
            + " GROUP BY c.card_id) b JOIN crm.service_card s ON s.id = b.card_id"
            + " WHERE b.late + b.overdue > 0 ORDER BY b.late + b.overdue DESC, s.name";

    /** The verification's findings (V4): each row one firing; an override stays on its row. */
    private static final String FINDINGS = "SELECT f.rule, count(*), count(DISTINCT f.case_id),"
            + " count(*) FILTER (WHERE f.overridden)"
            + " FROM crm.case_finding f JOIN crm.service_case c ON c.id = f.case_id"
            + " WHERE c.registered_at >= ? AND c.registered_at < ?"
            + " GROUP BY f.rule ORDER BY 2 DESC, 1";

    /** Counted per month and card first, then named (or summed by queue group) on those few rows. */
    private static final String TOPICS = "SELECT m.month, %s, sum(m.n)::bigint FROM ("
            + " SELECT date_trunc('month', c.registered_at AT TIME ZONE ?)::date AS month, c.card_id, count(*) AS n"
            + " FROM crm.service_case c WHERE c.registered_at >= ? AND c.registered_at < ?"
            + " GROUP BY 1, 2) m JOIN crm.service_card s ON s.id = m.card_id"
            + " GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2";

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
                rs.getLong(3), rs.getLong(4), rs.getLong(5)), zone.getId(), today, p[0], p[1]));
    }

    @Override
    public List<RuleFindings> findings(PortalUser user, LocalDate from, LocalDate to) {
        Timestamp[] p = period(user, from, to);
        return database.read(c -> Statements.list(c, FINDINGS, rs -> new RuleFindings(rs.getString(1), rs.getLong(2),
                rs.getLong(3), rs.getLong(4)), p[0], p[1]));
    }

    @Override
    public List<TopicMonth> topics(PortalUser user, LocalDate from, LocalDate to, Topic topic) {
        Timestamp[] p = period(user, from, to);
        String column = topic == Topic.QUEUE_GROUP ? "s.queue_group" : "s.name";
        String zone = settings.timeZone().getId();
        return database.read(c -> Statements.list(c, String.format(Locale.ROOT, TOPICS, column),
                rs -> new TopicMonth(YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getString(2), rs.getLong(3)),
                zone, p[0], p[1]));
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
