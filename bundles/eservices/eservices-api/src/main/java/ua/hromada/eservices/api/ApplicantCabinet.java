package ua.hromada.eservices.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The applicant's cabinet, without passwords: a one-time link by e-mail opens it.
 *
 * <p>{@link #requestLink} answers the same whether or not the address has appeals (nobody learns
 * who wrote), and is rate-limited like the form. A link's token expires after the configured minutes
 * and works once; {@link #open} turns it into a cabinet session (a random id, expiring with the
 * same lifetime) that the page keeps.
 */
@ProviderType
public interface ApplicantCabinet {

    /** E-mails a one-time link to the cabinet if the address has appeals in this community. */
    void requestLink(String email, String clientAddress);

    /** Consumes a link's token; empty when unknown, used or expired. Returns the cabinet session id. */
    Optional<String> open(String token);

    /** The applicant's appeals, newest first, confidential ones included; empty for an unknown or expired session. */
    List<Appeal> appeals(String sessionId);
}
