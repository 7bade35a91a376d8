package ua.hromada.eservices.service.appeals;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.eservices.api.Appeal;
import ua.hromada.eservices.service.EservicesDatabase;
import ua.hromada.eservices.service.mail.Mailer;
import ua.hromada.portal.api.calendar.DisplayFormats;

/**
 * The e-mails of the appeals, in Ukrainian, sent after the step's commit; a message the server took
 * is journalled as MAILED (in the mail job, which runs in the appeal's community).
 */
final class AppealMail {
    /** The applicant's cabinet page; the link's token is its {@code token} parameter. */
    static final String CABINET_ROUTE = "zvernennia/kabinet";
    private static final Logger LOG = LoggerFactory.getLogger(AppealMail.class);

    private final Mailer mailer;
    private final AppealMessages messages;
    private final AppealSettings settings;
    private final EservicesDatabase database;

    AppealMail(Mailer mailer, AppealMessages messages, AppealSettings settings, EservicesDatabase database) {
        this.mailer = mailer;
        this.messages = messages;
        this.settings = settings;
        this.database = database;
    }

    String cabinetLink(String token) {
        return settings.portalUrl() + CABINET_ROUTE + "?token=" + token;
    }

    void registered(Appeal a, String cabinetToken) {
        toApplicant(a, messages.ukrainian("eservices.appeal.mail.registered.subject", a.number()),
                messages.ukrainian("eservices.appeal.mail.registered.text", a.applicantName(), a.number(), a.topicName(),
                        a.unitName(), date(a.deadline()), String.valueOf(settings.cabinetMinutes()),
                        cabinetLink(cabinetToken)));
    }

    void toUnit(Appeal a, String unitEmail) {
        if (unitEmail == null || unitEmail.isBlank()) {
            return;
        }
        send(a.id(), unitEmail, messages.ukrainian("eservices.appeal.mail.unit.subject", a.number(), a.topicName()),
                messages.ukrainian("eservices.appeal.mail.unit.text", a.unitName(), a.number(), a.topicName(),
                        date(a.deadline())), "eservices.appeal.detail.mailedUnit");
    }

    void assigned(Appeal a) {
        toApplicant(a, messages.ukrainian("eservices.appeal.mail.assigned.subject", a.number()),
                messages.ukrainian("eservices.appeal.mail.assigned.text", a.applicantName(), a.number(),
                        a.executorName(), a.executorPhone(), date(a.deadline())));
    }

    void answered(Appeal a) {
        toApplicant(a, messages.ukrainian("eservices.appeal.mail.answered.subject", a.number()),
                messages.ukrainian("eservices.appeal.mail.answered.text", a.applicantName(), a.number(), a.answer()));
    }

    /** The cabinet's sign-in link (no appeal: nothing to journal). */
    void cabinet(String email, String token) {
        mailer.send(email, messages.ukrainian("eservices.appeal.mail.cabinet.subject"),
                messages.ukrainian("eservices.appeal.mail.cabinet.text", String.valueOf(settings.cabinetMinutes()),
                        cabinetLink(token)));
    }

    private void toApplicant(Appeal a, String subject, String text) {
        send(a.id(), a.email(), subject, text, "eservices.appeal.detail.mailedApplicant");
    }

    private void send(long appealId, String to, String subject, String text, String detailKey) {
        mailer.send(to, subject, text).thenAccept(outcome -> {
            if (outcome == Mailer.Outcome.SENT) {
                try {
                    database.tx(c -> {
                        AppealStore.step(c, appealId, settings.portal().clock().instant(), null, "MAILED",
                                messages.ukrainian(detailKey));
                        return null;
                    });
                } catch (RuntimeException e) {
                    LOG.warn("E-mail about appeal {} sent, its journal line not written", appealId, e);
                }
            }
        });
    }

    static String date(LocalDate day) {
        return DisplayFormats.date(day);
    }
}
