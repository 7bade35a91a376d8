package ua.hromada.oks.notify;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.oks.api.ActionEffect;
import ua.hromada.oks.api.OksCatalog;
import ua.hromada.oks.api.ExecutorOrganisation;
import ua.hromada.oks.api.JournalEntry;
import ua.hromada.oks.api.MailNotices;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.api.ViolationListener;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.jobs.Job;
import ua.hromada.portal.api.jobs.JobState;
import ua.hromada.portal.api.jobs.JobTask;
import ua.hromada.portal.api.jobs.Jobs;

/**
 * E-mails the executor organisation when a violation is sent or redirected to it. Sending runs as
 * jobs on pool {@code oks.mail} (one thread: notices go out in the order of the steps), a retry
 * scheduled after the configured delay; a failure is logged with the violation ID and
 * never reaches the workflow (the step is already committed).
 */
@Component(service = {ViolationListener.class, MailNotices.class}, configurationPid = MailConfig.PID)
@Designate(ocd = MailConfig.class)
public class ExecutorMailNotifier implements ViolationListener, MailNotices {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorMailNotifier.class);

    /** What became of one committed step. */
    enum Outcome {
        SENT, NOT_A_SEND_STEP, DISABLED, NO_ADDRESS, FAILED
    }

    private final MailSettings settings;
    private final LongFunction<Optional<ExecutorOrganisation>> organisations;
    private final Supplier<String> portalUrl;
    private final SmtpSender sender = new SmtpSender();
    private final NoticeComposer composer = new NoticeComposer();
    private static final String POOL = "oks.mail";
    private final Jobs jobs;
    private final Communities communities;
    /** Attempts queued, waiting for their delay or running. */
    private final Set<Job<Void>> attempts = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;
    /** Notices not yet sent or given up, so stopping can say which ones it drops. */
    private final Map<CompletableFuture<Outcome>, Long> pending = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PortalSettings portalSettings;

    @Activate
    public ExecutorMailNotifier(@Reference OksCatalog catalog, @Reference Jobs jobs,
            @Reference Communities communities, MailConfig config) {
        this(MailSettings.of(config), catalog::executor, null, jobs, communities);
        // said once at start, above DEBUG: notices being off is a setting an administrator must know about
        switch (state()) {
            case DISABLED -> LOG.info("OKS e-mail notices are off (enabled = false in {}.cfg): executor organisations"
                    + " are not e-mailed about cases sent to them", MailConfig.PID);
            case INCOMPLETE -> LOG.warn("OKS e-mail is enabled but '{}' is not set in {}.cfg: nothing can be sent",
                    settings.incomplete(), MailConfig.PID);
            case ON -> LOG.info("OKS e-mail notices are on: {}", settings);
        }
    }

    @Override
    public State state() {
        if (!settings.enabled()) {
            return State.DISABLED;
        }
        return settings.incomplete() == null ? State.ON : State.INCOMPLETE;
    }

    /**
     * @param portalUrl base URL when the configuration has none; null = the portal's public URL
     */
    ExecutorMailNotifier(MailSettings settings, LongFunction<Optional<ExecutorOrganisation>> organisations,
            Supplier<String> portalUrl, Jobs jobs, Communities communities) {
        this.settings = settings;
        this.jobs = jobs;
        this.communities = communities;
        this.organisations = organisations;
        this.portalUrl = portalUrl != null ? portalUrl : () -> {
            PortalSettings p = portalSettings;
            return p == null ? null : p.publicUrl();
        };
    }

    @Deactivate
    void deactivate() {
        stopped = true;
        // attempts still waiting are dropped; one being sent gets up to 10 s to finish
        for (Job<Void> attempt : Set.copyOf(attempts)) {
            if (attempt.info().state() != JobState.RUNNING) {
                attempt.cancel();
            }
        }
        for (Job<Void> attempt : Set.copyOf(attempts)) {
            try {
                attempt.result().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                attempt.cancel();
                Thread.currentThread().interrupt();
            } catch (TimeoutException e) {
                attempt.cancel();
            } catch (ExecutionException | RuntimeException e) {
                // ended one way or another: what became of its notice is settled below
            }
        }
        // retries still waiting are dropped: say so, per violation
        pending.forEach((result, violationId) -> {
            LOG.warn("E-mail about violation {} not sent: the OKS e-mail notifier stopped (bundle stop or new settings)",
                    violationId);
            result.complete(Outcome.FAILED);
        });
        pending.clear();
    }

    @Override
    public void stepCommitted(Violation violation, JournalEntry entry) {
        try {
            notice(violation, entry);
        } catch (RuntimeException e) {
            LOG.error("E-mail about violation {} could not be prepared", violation.id(), e);
        }
    }

    /**
     * Queues the notice for a step, told in the step's community: its sender and card link are the
     * community's own where its settings overlay has them. The future tells what became of it (for the tests).
     */
    CompletableFuture<Outcome> notice(Violation violation, JournalEntry entry) {
        MailSettings settings = this.settings.of(communities.current());
        // every step that gives the case to an organisation (the shipped SENT and REDIRECTED, and any
        // action an administrator added with that effect) tells it
        if (entry.action().effect() != ActionEffect.ASSIGN) {
            return CompletableFuture.completedFuture(Outcome.NOT_A_SEND_STEP);
        }
        if (!settings.enabled()) {
            LOG.debug("OKS e-mail disabled: no notice for violation {}", violation.id());
            return CompletableFuture.completedFuture(Outcome.DISABLED);
        }
        if (settings.incomplete() != null) {
            LOG.warn("No e-mail about violation {}: '{}' is not set in {}.cfg", violation.id(), settings.incomplete(),
                    MailConfig.PID);
            return CompletableFuture.completedFuture(Outcome.FAILED);
        }
        Long executorId = entry.executorId() != null ? entry.executorId()
                : violation.executor() == null ? null : violation.executor().id();
        Optional<ExecutorOrganisation> organisation = executorId == null ? Optional.empty()
                : organisations.apply(executorId);
        if (organisation.isEmpty() || organisation.get().email() == null || organisation.get().email().isBlank()) {
            LOG.info("No e-mail about violation {}: executor organisation {} has no e-mail address", violation.id(),
                    organisation.map(ExecutorOrganisation::name).orElse(String.valueOf(executorId)));
            return CompletableFuture.completedFuture(Outcome.NO_ADDRESS);
        }
        String base = settings.portalUrl().isEmpty() ? portalUrl.get() : settings.portalUrl();
        String link = NoticeComposer.cardLink(base, violation.id());
        if (link == null) {
            LOG.warn("No portal URL known (portal_url in {}.cfg or public.url): the e-mail about violation {} has no link",
                    MailConfig.PID, violation.id());
        }
        Notice notice = composer.compose(violation, entry, organisation.get(), link);
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        pending.put(result, violation.id());
        result.whenComplete((outcome, failure) -> pending.remove(result));
        schedule(settings, violation.id(), notice, 1, 0, result);
        return result;
    }

    private void schedule(MailSettings settings, long violationId, Notice notice, int attempt, long delayMs,
            CompletableFuture<Outcome> result) {
        try {
            if (stopped) {
                throw new RejectedExecutionException("stopped");
            }
            Job<Void> job = jobs.schedule(POOL, "mail about violation " + violationId, Duration.ofMillis(delayMs),
                    JobTask.of(() -> attempt(settings, violationId, notice, attempt, result)));
            attempts.add(job);
            job.result().whenComplete((done, failure) -> attempts.remove(job));
        } catch (RejectedExecutionException e) {
            LOG.error("E-mail about violation {} to {} not sent: the notifier is stopping", violationId, notice.to());
            result.complete(Outcome.FAILED);
        }
    }

    private void attempt(MailSettings settings, long violationId, Notice notice, int attempt,
            CompletableFuture<Outcome> result) {
        try {
            sender.send(settings, notice);
            LOG.info("E-mail about violation {} sent to {}", violationId, notice.to());
            result.complete(Outcome.SENT);
        } catch (Exception e) { // MessagingException or a runtime failure of the mail library: never thrown on
            if (attempt < settings.attempts()) {
                LOG.warn("E-mail about violation {} to {} failed (attempt {} of {}), retrying in {} ms: {}", violationId,
                        notice.to(), attempt, settings.attempts(), settings.retryDelayMs(), e.toString());
                schedule(settings, violationId, notice, attempt + 1, settings.retryDelayMs(), result);
            } else {
                LOG.error("E-mail about violation {} to {} failed after {} attempts ({})", violationId, notice.to(),
                        attempt, settings, e);
                result.complete(Outcome.FAILED);
            }
        }
    }
}
