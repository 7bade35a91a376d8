package ua.hromada.crm.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import ua.hromada.portal.api.PortalUser;

/**
 * The head's analytics over a period of days {@code from}..{@code to} (both included, the
 * community's days); every method needs {@link CrmPermissions#HEAD}.
 */
public interface CrmAnalytics {

    /** Per service, the cases issued in the period: median and 90th percentile of registration → issue. */
    List<ServiceTimes> serviceTimes(PortalUser user, LocalDate from, LocalDate to);

    /** Per service with any breach, the cases registered in the period: issued late or open past the deadline. */
    List<SlaBreaches> slaBreaches(PortalUser user, LocalDate from, LocalDate to);

    /** Per verification rule, what it caught in the cases registered in the period and how much was overridden. */
    List<RuleFindings> findings(PortalUser user, LocalDate from, LocalDate to);

    /** Cases registered in the period by month and topic. */
    List<TopicMonth> topics(PortalUser user, LocalDate from, LocalDate to, Topic topic);

    /** Every table above as a sheet of one XLSX workbook, headed in the language given. */
    byte[] export(PortalUser user, LocalDate from, LocalDate to, Locale locale);
}
