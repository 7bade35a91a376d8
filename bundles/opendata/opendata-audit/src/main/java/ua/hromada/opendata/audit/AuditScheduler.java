package ua.hromada.opendata.audit;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.opendata.api.AuditRun;
import ua.hromada.opendata.api.OpendataAudit;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.OpendataPermissions;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalUser;

/**
 * Runs the audit on the configured schedule (every day at a time, or at a fixed interval) on its
 * own thread. A run already under way (someone started one by hand) is not doubled: that turn is skipped.
 */
@Component(service = AuditScheduler.class, immediate = true, configurationPid = AuditConfig.PID)
public class AuditScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(AuditScheduler.class);
    static final PortalUser SCHEDULER = new PortalUser(0, "system", "Аудит за розкладом", Set.of(),
            Set.of(OpendataPermissions.AUDIT));

    private final OpendataAudit audit;
    private final AuditSettings settings;
    private final ScheduledExecutorService timer;

    @Activate
    public AuditScheduler(@Reference OpendataAudit audit, @Reference PortalSettings portal, AuditConfig config) {
        this(audit, AuditSettings.of(config, portal.timeZone()));
    }

    AuditScheduler(OpendataAudit audit, AuditSettings settings) {
        this.audit = audit;
        this.settings = settings;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "opendata-audit-schedule");
            t.setDaemon(true);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.timer = executor;
        if (settings.schedule() == AuditSettings.Schedule.OFF) {
            LOG.info("Scheduled open data audits are off ({}.cfg)", AuditConfig.PID);
        } else {
            scheduleNext();
        }
    }

    private void scheduleNext() {
        Duration delay = untilNext(ZonedDateTime.now(settings.zone()), settings);
        LOG.info("Next scheduled open data audit in {}", delay);
        try {
            timer.schedule(this::runOnce, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // deactivated meanwhile
        }
    }

    void runOnce() {
        try {
            AuditRun run = audit.run(SCHEDULER, OpendataAudit.Progress.NONE);
            LOG.info("Scheduled open data audit run {}: {} datasets, {} findings, score {}", run.id(),
                    run.datasetsChecked(), run.findings(), run.score());
        } catch (OpendataException e) {
            LOG.info("Scheduled open data audit skipped: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Scheduled open data audit failed", e);
        } finally {
            if (!timer.isShutdown()) {
                scheduleNext();
            }
        }
    }

    /** The wait from {@code now} until the next run. */
    static Duration untilNext(ZonedDateTime now, AuditSettings settings) {
        if (settings.schedule() == AuditSettings.Schedule.INTERVAL) {
            return settings.interval();
        }
        LocalTime at = settings.dailyAt();
        ZonedDateTime next = now.toLocalDate().atTime(at).atZone(now.getZone());
        if (!next.isAfter(now)) {
            next = now.toLocalDate().plusDays(1).atTime(at).atZone(now.getZone());
        }
        return Duration.between(now, next);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }
}
