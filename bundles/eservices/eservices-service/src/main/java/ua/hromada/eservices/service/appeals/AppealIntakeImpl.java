package ua.hromada.eservices.service.appeals;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.eservices.api.Appeal;
import ua.hromada.eservices.api.AppealForm;
import ua.hromada.eservices.api.AppealHandover;
import ua.hromada.eservices.api.AppealIntake;
import ua.hromada.eservices.api.AppealTopic;
import ua.hromada.eservices.api.EservicesException;
import ua.hromada.eservices.api.FormTicket;
import ua.hromada.eservices.api.IntakeLimits;
import ua.hromada.eservices.api.Receipt;
import ua.hromada.eservices.service.EservicesDatabase;
import ua.hromada.eservices.service.appeals.AppealStore.StoredFile;
import ua.hromada.eservices.service.mail.Mailer;
import ua.hromada.portal.api.PortalException;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.audit.AuditChanges;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.jdbc.Statements;
import ua.hromada.portal.api.jdbc.Versioned;

/**
 * The public intake: signed form tokens, rate limits, the form's rules and files by content, then
 * one transaction for the appeal, its files, its first steps, the applicant's cabinet link and the
 * audit entry; after the commit the hand-over to another module (when the topic names one that is
 * present) and the e-mails.
 */
@Component(service = AppealIntake.class)
public class AppealIntakeImpl implements AppealIntake {
    /** The audit's actor for what a resident without an account does. */
    static final String APPLICANT = "applicant";
    private static final Logger LOG = LoggerFactory.getLogger(AppealIntakeImpl.class);

    private final EservicesDatabase database;
    private final AuditLog audit;
    private final AppealSettings settings;
    private final Communities communities;
    private final Handovers handovers;
    private final AppealMessages messages = new AppealMessages();
    private final AppealMail mail;
    private final SecureRandom random = new SecureRandom();
    private final FormTokens tokens = new FormTokens(random);

    /** What the transaction registered, for the work after its commit. */
    private record Registered(Appeal appeal, AppealTopic topic, String unitEmail, String cabinetToken) {
    }

    @Activate
    public AppealIntakeImpl(@Reference EservicesDatabase database, @Reference AuditLog audit,
            @Reference AppealSettings settings, @Reference Communities communities, @Reference Handovers handovers,
            @Reference Mailer mailer) {
        this.database = database;
        this.audit = audit;
        this.settings = settings;
        this.communities = communities;
        this.handovers = handovers;
        this.mail = new AppealMail(mailer, messages, settings, database);
    }

    @Override
    public FormTicket openForm(String clientAddress) {
        Instant now = settings.portal().clock().instant();
        database.tx(c -> {
            RateLimits.take(c, RateLimits.FORM, clientAddress, settings.formsPerAddress(), now);
            // used tokens are kept only while they could still be sent
            try (var ps = c.prepareStatement("DELETE FROM eservices.form_nonce WHERE expires_at < ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.executeUpdate();
            }
            return null;
        });
        return tokens.issue(communities.current().id(), now);
    }

    @Override
    public IntakeLimits limits() {
        return settings.limits();
    }

    @Override
    public Receipt submit(AppealForm form, String clientAddress) {
        Instant now = settings.portal().clock().instant();
        FormTokens.Claims claims = genuine(form.token(), now);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!String.valueOf(claims.left() + claims.right()).equals(AppealRules.strip(form.challengeAnswer()))) {
            errors.put("challengeAnswer", "eservices.appeal.error.challenge");
        }
        AppealRules.checkFields(form, settings.limits(), errors);
        Optional<List<StoredFile>> files = AppealRules.files(form.files(), settings.limits(), errors);
        if (!errors.isEmpty()) {
            throw new EservicesException(errors);
        }
        Registered r = database.tx(c -> register(c, form, files.orElseThrow(), claims, clientAddress, now));
        Appeal appeal = handOver(r.appeal(), r.topic());
        mail.registered(appeal, r.cabinetToken());
        mail.toUnit(appeal, r.unitEmail());
        return new Receipt(appeal.number(), appeal.deadline());
    }

    /** The token's claims when this intake signed it for this community and its age is within the limits. */
    private FormTokens.Claims genuine(String token, Instant now) {
        FormTokens.Claims claims = tokens.verify(token)
                .filter(c -> c.community().equals(communities.current().id()))
                .orElseThrow(AppealIntakeImpl::tokenRefused);
        Duration age = Duration.between(claims.issuedAt(), now);
        if (age.compareTo(Duration.ofSeconds(settings.formMinSeconds())) < 0
                || age.compareTo(Duration.ofHours(settings.formMaxHours())) > 0) {
            throw tokenRefused();
        }
        return claims;
    }

    private static EservicesException tokenRefused() {
        return new EservicesException(Reason.FORBIDDEN, "eservices.appeal.tokenRefused");
    }

    private Registered register(Connection c, AppealForm form, List<StoredFile> files, FormTokens.Claims claims,
            String clientAddress, Instant now) throws SQLException {
        AppealTopic topic = AppealTopicsImpl.find(c, form.topicId()).filter(AppealTopic::active)
                .orElseThrow(() -> new EservicesException(Map.of("topicId", "eservices.appeal.error.topic")));
        String email = Secrets.mailKey(form.email());
        RateLimits.take(c, RateLimits.SUBMIT, clientAddress, settings.ratePerAddress(), now);
        RateLimits.take(c, RateLimits.EMAIL, email, settings.ratePerEmail(), now);
        Instant expires = claims.issuedAt().plus(Duration.ofHours(settings.formMaxHours()));
        if (Statements.first(c, "INSERT INTO eservices.form_nonce (nonce, expires_at) VALUES (?, ?)"
                + " ON CONFLICT (community, nonce) DO NOTHING RETURNING id", rs -> true, claims.nonce(),
                Timestamp.from(expires)).isEmpty()) {
            throw tokenRefused(); // sent before
        }
        String unitEmail = Statements.first(c, "SELECT coalesce(email, '') FROM eservices.unit WHERE id = ?",
                rs -> rs.getString(1), topic.unitId()).orElse("");
        LocalDate today = settings.portal().today();
        LocalDate deadline = settings.workingDays().deadline(today, topic.deadlineDays());
        String number = AppealStore.nextNumber(c, today.getYear());
        long id = AppealStore.insert(c, new AppealStore.NewAppeal(number, topic.id(), topic.unitId(),
                AppealRules.strip(form.text()), form.latitude(), form.longitude(), AppealRules.strip(form.name()),
                email, AppealRules.strip(form.phone()), form.publicAppeal(), now, deadline));
        AppealStore.insertFiles(c, id, files);
        Appeal appeal = AppealStore.get(c, id, today).orElseThrow();
        AppealStore.step(c, id, now, null, "REGISTERED", number);
        AppealStore.step(c, id, now, null, "ROUTED", appeal.unitName());
        String cabinetToken = ApplicantCabinetImpl.newLink(c, random, email, now, settings.cabinetMinutes());
        // no personal data in the audit: the number, where it went and what came with it
        audit.record(c, APPLICANT, AppealStore.MODULE, AppealStore.ENTITY, String.valueOf(id), "register",
                new AuditChanges().value("number", number).value("topic", topic.name()).value("unit", appeal.unitName())
                        .value("deadline", deadline).value("publicAppeal", form.publicAppeal())
                        .value("files", files.size()).text());
        return new Registered(appeal, topic, unitEmail, cabinetToken);
    }

    /**
     * After the commit: the topic's other module gets the appeal when it is present; the appeal then
     * is HANDED_OVER with the link kept, else it stays with its unit and the journal says why.
     */
    private Appeal handOver(Appeal appeal, AppealTopic topic) {
        if (!topic.handedOver()) {
            return appeal;
        }
        Optional<AppealHandover> handover = handovers.find(topic.handover());
        String failure;
        if (handover.isEmpty()) {
            failure = messages.ukrainian("eservices.appeal.detail.handoverAbsent", topic.handover());
        } else {
            try {
                AppealHandover.Handover done = handover.get().handOver(appeal);
                return database.tx(c -> handedOver(c, appeal, topic.handover(), done));
            } catch (RuntimeException e) {
                LOG.warn("Appeal {} not handed over to module {}: {}", appeal.number(), topic.handover(), e.toString());
                failure = messages.ukrainian("eservices.appeal.detail.handoverRefused", topic.handover(), reason(e));
            }
        }
        String details = failure;
        database.tx(c -> {
            AppealStore.step(c, appeal.id(), settings.portal().clock().instant(), null, "HANDOVER_FAILED", details);
            return null;
        });
        return appeal;
    }

    private Appeal handedOver(Connection c, Appeal appeal, String target, AppealHandover.Handover done)
            throws SQLException {
        try (var ps = c.prepareStatement("UPDATE eservices.appeal SET status = 'HANDED_OVER', handed_over_to = ?,"
                + " handover_reference = ?, handover_route = ?, " + Versioned.BUMP + " WHERE id = ?")) {
            ps.setString(1, target);
            ps.setString(2, done.reference());
            ps.setString(3, done.route());
            ps.setLong(4, appeal.id());
            ps.executeUpdate();
        }
        AppealStore.step(c, appeal.id(), settings.portal().clock().instant(), null, "HANDED_OVER",
                messages.ukrainian("eservices.appeal.detail.handedOver", target, done.reference()));
        audit.record(c, APPLICANT, AppealStore.MODULE, AppealStore.ENTITY, String.valueOf(appeal.id()), "handover",
                new AuditChanges().changed("status", appeal.status().name(), "HANDED_OVER")
                        .value("handover", target).value("reference", done.reference()).text());
        return AppealStore.get(c, appeal.id(), settings.portal().today()).orElseThrow();
    }

    /** A refusal in words where this module has them, else its key or class. */
    private String reason(RuntimeException e) {
        if (e instanceof EservicesException refusal) {
            return messages.ukrainian(refusal.messageKey(), refusal.args());
        }
        return e instanceof PortalException p ? p.messageKey() : e.getClass().getSimpleName();
    }
}
