package ua.hromada.oks.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.oks.api.ActionEffect;
import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.OksArchive;
import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.OksPermissions;
import ua.hromada.oks.api.TransitionRequest;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.api.ViolationQuery;
import ua.hromada.oks.api.Violations;
import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.api.jobs.Job;
import ua.hromada.portal.api.jobs.JobTask;
import ua.hromada.portal.api.jobs.Jobs;

/**
 * {@link OksArchive}: confirmed cases leave the current tables. Every hour a job on pool
 * {@value #POOL} archives, in each community where OKS is on, the cases confirmed more than
 * {@code archive.after.days} days ago, as the system user {@value #SYSTEM_USERNAME} (the journal
 * names it, the audit log records each round); an administrator does the same in bulk. Each case is
 * one «Архівовано» step through {@link Violations#transition}, so the rules, the row lock and the
 * listeners are the workflow's own.
 */
@Component(service = OksArchive.class, immediate = true, configurationPid = OksConfig.PID)
public class Archiving implements OksArchive {
    static final String POOL = "oks.archive";
    /** The journal's and the audit log's author of the automatic archive. */
    static final String SYSTEM_USERNAME = "system";
    /** The shared setting's key in etc/ua.hromada.oks.cfg and in a community's overlay. */
    static final String DAYS_KEY = "archive.after.days";
    static final int DEFAULT_DAYS = 30;
    /** A search page while collecting what to archive (the list's largest). */
    private static final int PAGE = 10_000;
    private static final Duration EVERY = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(Archiving.class);

    /** This component's key of the OKS configuration (the other keys are {@link OksConfig}'s). */
    public @interface ArchiveConfig {
        /** Days after confirmation at which a case is archived automatically; 0 turns it off. */
        int archive_after_days() default DEFAULT_DAYS;
    }

    private final Violations violations;
    private final AuditLog audit;
    private final Communities communities;
    private final int sharedDays;
    private final PortalUser system;
    private final Job<Void> schedule;

    @Activate
    public Archiving(@Reference Violations violations, @Reference AuditLog audit, @Reference Communities communities,
            @Reference Jobs jobs, ArchiveConfig config) {
        this(violations, audit, communities, config.archive_after_days(), jobs);
    }

    /**
     * @param days the shared {@value #DAYS_KEY}
     * @param jobs where the hourly round is scheduled; null: none (a test runs the rounds itself)
     */
    Archiving(Violations violations, AuditLog audit, Communities communities, int days, Jobs jobs) {
        this.violations = violations;
        this.audit = audit;
        this.communities = communities;
        this.sharedDays = Math.max(0, days);
        String name = MessageBundle.of("i18n.oks", Archiving.class.getClassLoader())
                .message("oks.archive.systemName", Locale.forLanguageTag("uk")).orElse(SYSTEM_USERNAME);
        // an administrator's right: the rules let only administrators archive
        this.system = new PortalUser(0, SYSTEM_USERNAME, name, Set.of(), Set.of(OksPermissions.ADMINISTER));
        // the first round a few minutes after start: the portal's start is busy enough
        this.schedule = jobs == null ? null
                : jobs.repeat(POOL, "OKS: archive of confirmed cases", Duration.ofMinutes(5), EVERY,
                        // one node of several archives (docs/cluster.md)
                        jobs.onOneNode("oks.archive", EVERY.dividedBy(2), JobTask.of(this::archiveEveryCommunity)));
    }

    @Deactivate
    void deactivate() {
        if (schedule != null) {
            schedule.cancel();
        }
    }

    /** One round of the schedule: each community's part as that community; one failing stops no other. */
    void archiveEveryCommunity() {
        for (Community community : communities.all()) {
            if (!community.moduleEnabled("oks")) {
                continue;
            }
            try {
                communities.runAs(community.id(), this::archiveDue);
            } catch (RuntimeException e) {
                LOG.warn("OKS automatic archive of community {} failed", community.id(), e);
            }
        }
    }

    /** The current community's round: its confirmed cases older than its days, as the system. */
    Result archiveDue() {
        int days = autoArchiveDays();
        if (days == 0) {
            return new Result(List.of(), List.of());
        }
        Result r = archiveAll(system, candidates(days), "auto-archive");
        if (!r.archived().isEmpty()) {
            LOG.info("OKS community {}: {} confirmed cases archived after {} days", communities.current().id(),
                    r.archived().size(), days);
        }
        return r;
    }

    @Override
    public int autoArchiveDays() {
        Optional<String> own = communities.current().setting(OksConfig.PID, DAYS_KEY);
        if (own.isPresent()) {
            try {
                return Math.max(0, Integer.parseInt(own.get().strip()));
            } catch (NumberFormatException e) {
                LOG.warn("{} of community {} is not a number ({}): the shared {} applies", DAYS_KEY,
                        communities.current().id(), own.get(), sharedDays);
            }
        }
        return sharedDays;
    }

    @Override
    public ViolationQuery confirmedOlderThan(int days) {
        // every action with the effect CONFIRM (an administrator's own included), as the archive takes them
        return new ViolationQuery(Set.of(), null, ActionEffect.CONFIRM, null, days == 0 ? null : days, null, null,
                null, null, null, null, null, null, null, ViolationQuery.Sort.OLDEST, 0, PAGE);
    }

    @Override
    public Result archiveConfirmed(PortalUser admin, int days) {
        Access.require(Access.admin(admin));
        if (days < 0 || days > MAX_DAYS) {
            throw new OksException(OksException.Reason.INVALID, "oks.error.archiveDays", MAX_DAYS);
        }
        return archiveAll(admin, candidates(days), "bulk-archive");
    }

    @Override
    public Result archive(PortalUser admin, Collection<Long> violationIds) {
        Access.require(Access.admin(admin));
        if (violationIds == null || violationIds.isEmpty()) {
            throw new OksException(OksException.Reason.INVALID, "oks.error.archiveNone");
        }
        if (violationIds.size() > MAX_CHOSEN) {
            throw new OksException(OksException.Reason.INVALID, "oks.error.archiveTooMany", MAX_CHOSEN);
        }
        List<Long> confirmed = new ArrayList<>();
        List<Long> skipped = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(violationIds)) {
            Optional<Violation> v = id == null ? Optional.empty() : violations.find(admin, id);
            if (v.isPresent() && v.get().lastAction().effect() == ActionEffect.CONFIRM) {
                confirmed.add(id);
            } else if (id != null) {
                skipped.add(id);
            }
        }
        Result r = archiveAll(admin, confirmed, "bulk-archive");
        List<Long> notDone = new ArrayList<>(skipped);
        notDone.addAll(r.skipped());
        return new Result(r.archived(), notDone);
    }

    /**
     * Every confirmed case (last action of the effect CONFIRM, shipped or added) in that status for
     * more than the days, collected before any is archived.
     */
    private List<Long> candidates(int days) {
        Set<Long> ids = new LinkedHashSet<>();
        ViolationQuery q = confirmedOlderThan(days);
        for (int offset = 0;; offset += PAGE) {
            List<Violation> page = violations.search(system, q.page(offset, PAGE));
            page.forEach(v -> ids.add(v.id()));
            if (page.size() < PAGE) {
                break;
            }
        }
        return new ArrayList<>(ids);
    }

    /**
     * One «Архівовано» step per case, each its own transaction; a case that moved meanwhile (a
     * conflict) is skipped, not a failure of the rest. One audit entry names the actor and the cases.
     */
    private Result archiveAll(PortalUser actor, List<Long> ids, String auditAction) {
        List<Long> archived = new ArrayList<>();
        List<Long> skipped = new ArrayList<>();
        for (long id : ids) {
            try {
                violations.transition(actor, id, TransitionRequest.of(ActionKind.ARCHIVED));
                archived.add(id);
            } catch (OksException e) {
                if (e.reason() == OksException.Reason.FORBIDDEN) {
                    throw e;
                }
                LOG.debug("OKS case {} not archived: {}", id, e.messageKey());
                skipped.add(id);
            }
        }
        if (!archived.isEmpty()) {
            audit.record(actor.username(), "oks", "violation", archived.size() == 1 ? archived.get(0).toString() : "*",
                    auditAction, auditText(actor, archived));
        }
        return new Result(archived, skipped);
    }

    private String auditText(PortalUser actor, List<Long> archived) {
        StringBuilder s = new StringBuilder(actor == system ? "system (automatic archive), " : "")
                .append(archived.size()).append(" archived: ");
        int shown = Math.min(archived.size(), 200);
        for (int i = 0; i < shown; i++) {
            s.append(i == 0 ? "" : ", ").append(archived.get(i));
        }
        return archived.size() > shown ? s.append(", …").toString() : s.toString();
    }
}
