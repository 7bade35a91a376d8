package ua.hromada.eservices.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The public intake of e-appeals (no account).
 *
 * <p>Anti-spam without a third-party service: {@link #openForm} issues a signed, time-stamped token
 * with a simple question; {@link #submit} refuses a token used before, sent too soon after it was
 * issued or expired, a wrong answer, and more than the configured number of submissions per client
 * address and per e-mail address in a sliding hour. Refusals are {@link EservicesException}s:
 * INVALID with field errors for the form's fields, or FORBIDDEN with
 * {@code eservices.appeal.rateLimited} (an HTTP edge answers 429) or
 * {@code eservices.appeal.tokenRefused} (open the form again).
 */
@ProviderType
public interface AppealIntake {

    /** A new form for a client (its address counts towards the rate limit of opened forms). */
    FormTicket openForm(String clientAddress);

    /**
     * Validates and registers an appeal: number {@code <yyyy>-<seq>} per community and year, the
     * topic's unit and deadline in working days (holidays from configuration), files stored after
     * their types are checked by content, the applicant told by e-mail (number, deadline and a link
     * to the cabinet), the topic's unit told, and, for a topic handed over to another module present
     * in the portal, that module's case created and linked. All or nothing: a refusal stores nothing.
     */
    Receipt submit(AppealForm form, String clientAddress);

    IntakeLimits limits();
}
