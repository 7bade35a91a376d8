package ua.hromada.opendata.api;

import java.util.List;

import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.legal.LegalActSummary;

/**
 * The acts of document search (portal-api {@code LegalActLookup}) the community names as its
 * open-data policy — e.g. the council's decision on open data, its list of datasets, the order
 * naming the responsible person — shown to residents in the «Політика та документи» block of the
 * public open-data page. Stored per community, in the order the data stewards give.
 */
@org.osgi.annotation.versioning.ProviderType
public interface PolicyDocuments {

    /** Most documents a community names. */
    int MAX = 20;

    /** The acts' ids in their order (the stewards' form); anyone who may read the registry. */
    List<Long> actIds(PortalUser actor);

    /**
     * Replaces the list (repeats and nulls dropped); data editors only, audited.
     *
     * @throws OpendataException FORBIDDEN for others, INVALID with more than {@link #MAX}
     */
    void save(PortalUser actor, List<Long> actIds);

    /**
     * For anyone (the public page): the named acts document search still has, in their order, with
     * kind, number, date, title and public page; empty while document search is not installed.
     */
    List<LegalActSummary> published();
}
