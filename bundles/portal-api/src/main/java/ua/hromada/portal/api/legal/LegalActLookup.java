package ua.hromada.portal.api.legal;

import java.util.List;
import java.util.Optional;

/**
 * The community's legal acts for a "legal basis" field of another module (portal-ui's
 * {@code LegalActField}). Offered by the document-search module; a module references it optionally
 * and works without it (the field's words stay, no act is picked). Answers for the community of
 * the running work, as every module service does.
 */
@org.osgi.annotation.versioning.ProviderType
public interface LegalActLookup {

    /** Most acts one {@link #search} answers. */
    int MAX_LIMIT = 50;

    /**
     * Acts whose title or number matches {@code text} (a number with or without "№" and a date
     * finds that act first), best first; blank text gives the newest acts. At most {@code limit}
     * (cut to {@link #MAX_LIMIT}).
     */
    List<LegalActSummary> search(String text, int limit);

    /** The act with that id, empty when there is none (removed, or never was). */
    Optional<LegalActSummary> find(long id);
}
