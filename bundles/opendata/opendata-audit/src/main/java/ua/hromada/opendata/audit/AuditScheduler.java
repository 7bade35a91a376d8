package ua.hromada.opendata.audit;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;

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
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.api.jobs.Job;
import ua.hromada.portal.api.jobs.JobProgress;
import ua.hromada.portal.api.jobs.Jobs;

/**
 * Runs the audit on the configured schedule (every day at a time, or at a fixed interval) as a job
 * on pool {@code opendata.audit}, where its progress shows like a run started by hand: one run per
 * community the portal serves, one after the other, each over its own registry (regional hosting).
 * A run already under way in a community (someone started one by hand) is not doubled: that
 * community's turn is skipped.
 */
@Component(service = AuditScheduler.class, immediate = true, configurationPid = AuditConfig.PID)
public class AuditScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(AuditScheduler.class);
    static final PortalUser SCHEDULER = new PortalUser(0, "system", "Аудит за розкладом", Set.of(),
            Set.of(OpendataPermissions.AUDIT));

    private final OpendataAudit audit;
    private final AuditSettings settings;
    /** The Hromada-Module key of the open data bundles: a community without it has no audit. */
    static final String MODULE = "opendata";

    private final Jobs jobs;
    private final Communities communities;
    private volatile Job<Void> next;
    private volatile boolean stopped;

    @Activate
    public AuditScheduler(@Reference OpendataAudit audit, @Reference PortalSettings portal, @Reference Jobs jobs,
            @Reference Communities communities, AuditConfig config) {
        this(audit, AuditSettings.of(config, portal.timeZone()), jobs, communities);
    }

    AuditScheduler(OpendataAudit audit, AuditSettings settings, Jobs jobs, Communities communities) {
        this.audit = audit;
        this.communities = communities;
        this.settings = settings;
        this.jobs = jobs;
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
            next = jobs.schedule(OpendataAuditImpl.POOL, "scheduled audit", delay, progress -> {
                runOnce(progress);
                return null;
            });
        } catch (RejectedExecutionException e) {
            // deactivated meanwhile
        }
    }

    void runOnce(JobProgress progress) {
        // one node of several audits (docs/cluster.md); the others' ticks of the same schedule are skipped
        Duration gap = settings.schedule() == AuditSettings.Schedule.INTERVAL ? settings.interval().dividedBy(2)
                : Duration.ofHours(12);
        try {
            jobs.onOneNode("opendata.scheduled-audit", gap, p -> {
                for (Community community : communities.all()) {
                    if (stopped) {
                        return null;
                    }
                    if (community.moduleEnabled(MODULE)) {
                        communities.runAs(community.id(), () -> runFor(community.id(), p));
                    }
                }
                return null;
            }).run(progress);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // the lock's database work (the audit itself throws nothing checked)
            throw new IllegalStateException("scheduled open data audit", e);
        } finally {
            if (!stopped) {
                scheduleNext();
            }
        }
    }

    /** The audit of the community bound now; its failure does not keep the others from theirs. */
    private void runFor(String community, JobProgress progress) {
        try {
            AuditRun run = audit.run(SCHEDULER, progress);
            LOG.info("Scheduled open data audit run {} of community {}: {} datasets, {} findings, score {}", run.id(),
                    community, run.datasetsChecked(), run.findings(), run.score());
        } catch (OpendataException e) {
            LOG.info("Scheduled open data audit of community {} skipped: {}", community, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Scheduled open data audit of community {} failed", community, e);
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
        stopped = true;
        Job<Void> pending = next;
        if (pending != null) {
            pending.cancel();
        }
    }
}
