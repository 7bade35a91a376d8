package ua.hromada.eservices.service.mail;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.jobs.Job;
import ua.hromada.portal.api.jobs.JobTask;
import ua.hromada.portal.api.jobs.Jobs;

/**
 * The module's e-mail: plain-text messages (Ukrainian) queued on the job pool {@value #POOL} (one
 * thread: messages leave in the order given), tried the configured number of times; a failure is
 * logged with the recipient's address only (never the text: it carries an applicant's data) and
 * never reaches the caller, whose work is committed already.
 */
@Component(service = Mailer.class, configurationPid = MailConfig.PID)
@Designate(ocd = MailConfig.class)
public class Mailer {
    static final String POOL = "eservices.mail";
    private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);

    /** For dashboards and the log: whether mail can leave at all. */
    public enum State {
        DISABLED, INCOMPLETE, READY
    }

    /** What became of one message. */
    public enum Outcome {
        SENT, DISABLED, FAILED
    }

    private final MailSettings settings;
    private final Jobs jobs;
    private final Communities communities;
    private final Clock clock;
    private final Set<Job<Void>> queued = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    @Activate
    public Mailer(@Reference Jobs jobs, @Reference Communities communities, @Reference PortalSettings portal,
            MailConfig config) {
        this(MailSettings.of(config), new Wiring(jobs, communities, portal.clock()));
        switch (state()) {
            case DISABLED -> LOG.info("E-services e-mail is off (enabled = false in {}.cfg): applicants and units"
                    + " get no e-mail", MailConfig.PID);
            case INCOMPLETE -> LOG.warn("E-services e-mail is enabled but '{}' is not set in {}.cfg: nothing can be sent",
                    settings.incomplete(), MailConfig.PID);
            case READY -> LOG.info("E-services e-mail is on: {}", settings);
        }
    }

    /**
     * A mailer on these settings, pools and clock, outside Declarative Services (tests). A factory,
     * not a second public constructor: SCR picks the component's constructor by its number of
     * arguments, and another with four would be taken for the @Activate one.
     */
    public static Mailer of(MailSettings settings, Jobs jobs, Communities communities, Clock clock) {
        return new Mailer(settings, new Wiring(jobs, communities, clock));
    }

    private Mailer(MailSettings settings, Wiring wiring) {
        this.settings = settings;
        this.jobs = wiring.jobs();
        this.communities = wiring.communities();
        this.clock = wiring.clock();
    }

    /** What the mailer runs on besides its settings. */
    private record Wiring(Jobs jobs, Communities communities, Clock clock) {
    }

    @Deactivate
    void deactivate() {
        stopped = true;
        // what still waits for a retry is dropped; the bundle's jobs are cancelled by the job service anyway
        queued.forEach(Job::cancel);
    }

    public State state() {
        if (!settings.enabled()) {
            return State.DISABLED;
        }
        return settings.incomplete() == null ? State.READY : State.INCOMPLETE;
    }

    /**
     * Queues a plain-text message from the community's sender. Returns at once; the future tells what
     * became of it (for tests and callers that journal it).
     */
    public CompletableFuture<Outcome> send(String to, String subject, String text) {
        MailSettings s = settings.of(communities.current());
        if (to == null || to.isBlank() || !s.enabled()) {
            return CompletableFuture.completedFuture(Outcome.DISABLED);
        }
        if (s.incomplete() != null) {
            LOG.warn("No e-mail to {}: '{}' is not set in {}.cfg", to, s.incomplete(), MailConfig.PID);
            return CompletableFuture.completedFuture(Outcome.FAILED);
        }
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        queue(s, to.strip(), subject, text, 1, Duration.ZERO, result);
        return result;
    }

    private void queue(MailSettings s, String to, String subject, String text, int attempt, Duration delay,
            CompletableFuture<Outcome> result) {
        try {
            if (stopped) {
                throw new RejectedExecutionException("stopped");
            }
            Job<Void> job = jobs.schedule(POOL, "e-mail", delay,
                    JobTask.of(() -> attempt(s, to, subject, text, attempt, result)));
            queued.add(job);
            job.result().whenComplete((done, failure) -> {
                queued.remove(job);
                if (failure != null) {
                    result.complete(Outcome.FAILED); // cancelled while waiting: a no-op once sent
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.error("E-mail to {} not sent: the e-services mailer is stopping", to);
            result.complete(Outcome.FAILED);
        }
    }

    private void attempt(MailSettings s, String to, String subject, String text, int attempt,
            CompletableFuture<Outcome> result) {
        try {
            transmit(s, to, subject, text);
            LOG.info("E-mail sent to {}", to);
            result.complete(Outcome.SENT);
        } catch (Exception e) { // MessagingException or a runtime failure of the mail library
            if (attempt < s.attempts()) {
                LOG.warn("E-mail to {} failed (attempt {} of {}), retrying in {} ms: {}", to, attempt, s.attempts(),
                        s.retryDelayMs(), e.toString());
                queue(s, to, subject, text, attempt + 1, Duration.ofMillis(s.retryDelayMs()), result);
            } else {
                LOG.error("E-mail to {} failed after {} attempts ({}): {}", to, attempt, s, e.toString());
                result.complete(Outcome.FAILED);
            }
        }
    }

    private void transmit(MailSettings s, String to, String subject, String text) throws MessagingException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Jakarta Mail finds its SMTP provider through the context class loader; in OSGi only this
        // bundle's loader sees the embedded jars
        thread.setContextClassLoader(Mailer.class.getClassLoader());
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(s.sessionProperties()));
            message.setFrom(InternetAddress.parse(s.from(), true)[0]);
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(clock.instant()));
            // RFC 3834: an automatic message, so auto-responders do not answer it
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setText(text, StandardCharsets.UTF_8.name(), "plain");
            message.saveChanges();
            if (s.username().isEmpty()) {
                Transport.send(message);
            } else {
                Transport.send(message, s.username(), s.password());
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
