package ua.hromada.crm.service.cases;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.crm.api.CaseStatus;
import ua.hromada.crm.api.CrmPermissions;
import ua.hromada.crm.api.ServiceCase;
import ua.hromada.crm.service.CrmDatabase;
import ua.hromada.portal.api.Notifications;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.calendar.DisplayFormats;
import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.jdbc.Statements;
import ua.hromada.portal.api.jobs.Job;
import ua.hromada.portal.api.jobs.JobTask;
import ua.hromada.portal.api.jobs.Jobs;

/**
 * Reminders before deadlines: on the job pool {@value #POOL}, every {@code reminder.interval.minutes},
 * each community's cases still at the desk or in the back office whose deadline is
 * {@code reminder.days} working days away (or nearer) get one journal line and a portal notification:
 * the executor, else the back office (a state body's case: its administrator), before the hand-over
 * the administrator who registered it. Once per case ({@code reminded_at}).
 */
@Component(service = CaseReminders.class, immediate = true)
public class CaseReminders {
    static final String POOL = "crm.reminders";
    static final String SYSTEM = "system";
    private static final Logger LOG = LoggerFactory.getLogger(CaseReminders.class);

    private final CrmDatabase database;
    private final AuditLog audit;
    private final CaseSettings settings;
    private final Communities communities;
    private final Notifications notifications;
    private final CaseMessages messages = new CaseMessages();
    private final Job<Void> schedule;

    @Activate
    public CaseReminders(@Reference CrmDatabase database, @Reference AuditLog audit, @Reference CaseSettings settings,
            @Reference Communities communities, @Reference Notifications notifications, @Reference Jobs jobs) {
        this.database = database;
        this.audit = audit;
        this.settings = settings;
        this.communities = communities;
        this.notifications = notifications;
        if (settings.reminderDays() > 0 && settings.reminderIntervalMinutes() > 0) {
            Duration every = Duration.ofMinutes(settings.reminderIntervalMinutes());
            // the first round a few minutes after start: the portal's start is busy enough
            this.schedule = jobs.repeat(POOL, "ЦНАП: нагадування про строки справ", Duration.ofMinutes(2), every,
                    // one node of several sends them (docs/cluster.md)
                    jobs.onOneNode("crm.case-reminders", every.dividedBy(2), JobTask.of(this::remindEveryCommunity)));
        } else {
            LOG.info("ЦНАП cases: no reminders (reminder.days or reminder.interval.minutes = 0 in {}.cfg)", CasesConfig.PID);
            this.schedule = null;
        }
    }

    @Deactivate
    void deactivate() {
        if (schedule != null) {
            schedule.cancel();
        }
    }

    void remindEveryCommunity() {
        for (Community community : communities.all()) {
            try {
                communities.runAs(community.id(), this::remind);
            } catch (RuntimeException e) {
                // one community's failure must not stop the others' reminders
                LOG.warn("ЦНАП reminders of community {} not sent", community.id(), e);
            }
        }
    }

    /** One round in the current community; answers how many cases were reminded of. */
    public int remind() {
        int days = settings.reminderDays();
        if (days == 0) {
            return 0;
        }
        Instant now = settings.portal().clock().instant();
        LocalDate today = LocalDate.ofInstant(now, settings.portal().timeZone());
        // a superset by calendar days (weekends and holidays lie between); the calendar decides below
        LocalDate upTo = today.plusDays(days * 2L + 14);
        List<CaseStore.Row> candidates = database.read(c -> Statements.list(c, CaseStore.SELECT
                + " WHERE s.status IN ('REGISTERED', 'IN_BACK_OFFICE') AND s.reminded_at IS NULL AND s.deadline <= ?"
                + " ORDER BY s.deadline, s.id", CaseStore::row, upTo));
        int sent = 0;
        for (CaseStore.Row row : candidates) {
            ServiceCase v = row.value();
            if (settings.workingDays().before(v.deadline(), days).isAfter(today)) {
                continue;
            }
            int left = workingDaysLeft(today, v.deadline());
            String detail = messages.ukrainian("crm.case.step.reminder", DisplayFormats.DATE.format(v.deadline()), left);
            boolean first = database.tx(c -> {
                // the flag first: a second round (another node, a retry) finds it set and skips
                int updated;
                try (var ps = c.prepareStatement("UPDATE crm.service_case SET reminded_at = ? WHERE id = ?"
                        + " AND reminded_at IS NULL")) {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.setLong(2, v.id());
                    updated = ps.executeUpdate();
                }
                if (updated == 1) {
                    CaseStore.step(c, v.id(), now, SYSTEM, "reminder", detail);
                    audit.record(c, SYSTEM, CasesImpl.MODULE, CasesImpl.ENTITY, v.number(), "reminder", detail);
                }
                return updated == 1;
            });
            if (first) {
                notifyOf(v, row.provider().role());
                sent++;
            }
        }
        return sent;
    }

    private int workingDaysLeft(LocalDate today, LocalDate deadline) {
        int left = 0;
        for (LocalDate d = today.plusDays(1); !d.isAfter(deadline); d = d.plusDays(1)) {
            if (settings.workingDays().working(d)) {
                left++;
            }
        }
        return left;
    }

    private void notifyOf(ServiceCase v, String role) {
        String message = messages.ukrainian("crm.case.notify.reminder", v.number(), v.serviceName(),
                DisplayFormats.DATE.format(v.deadline()));
        if (v.status() == CaseStatus.REGISTERED || role.isBlank()) {
            notifications.notifyUser(v.administrator(), message);
        } else if (!v.executor().isEmpty()) {
            notifications.notifyUser(v.executor(), message);
        } else {
            notifications.notifyPermission(CrmPermissions.BACK_OFFICE, message);
        }
    }
}
