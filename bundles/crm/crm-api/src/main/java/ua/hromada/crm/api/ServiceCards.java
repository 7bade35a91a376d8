package ua.hromada.crm.api;

import java.util.List;
import java.util.Optional;

import ua.hromada.portal.api.PortalUser;

/**
 * The community's service cards. Reading needs any CRM permission; saving needs
 * {@link CrmPermissions#HEAD}. Each save keeps the previous version.
 */
public interface ServiceCards {

    /** Cards whose name, local code or national identifier contains {@code text} (empty: all), by name. */
    List<ServiceCard> find(PortalUser user, String text, boolean activeOnly, int offset, int limit);

    int count(PortalUser user, String text, boolean activeOnly);

    /** The current version of a card. */
    Optional<ServiceCard> get(PortalUser user, long id);

    /** A card as it was at {@code cardVersion}. */
    Optional<ServiceCard> version(PortalUser user, long id, int cardVersion);

    /** Every saved version of a card, newest first. */
    List<CardRevision> history(PortalUser user, long id);

    /** The cards whose legal basis links to the act with that id (document search), by name. */
    List<ServiceCard> citingAct(PortalUser user, long actId);

    /**
     * Saves a new card ({@code id} 0) or a new version of one under the {@code version} the form
     * loaded; a save that changes nothing keeps the current version. Invalid fields →
     * {@link CrmException} with field errors.
     */
    ServiceCard save(PortalUser user, ServiceCard card);
}
