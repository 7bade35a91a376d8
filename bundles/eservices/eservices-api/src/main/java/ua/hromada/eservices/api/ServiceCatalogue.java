package ua.hromada.eservices.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import ua.hromada.portal.api.PortalUser;

/**
 * The community's catalogue of council and state e-services with its categories and life
 * situations. Reading the public part needs no right; every change needs
 * {@link EservicesPermissions#CATALOGUE} and is audited. Refusals are {@link EservicesException}s
 * (INVALID with field errors, CONFLICT, NOT_FOUND, FORBIDDEN); an outdated version gives
 * portal-api's {@code EditConflictException}.
 */
@ProviderType
public interface ServiceCatalogue {

    /** Services matching the query, by position then name: {@code limit} of them from {@code offset}. */
    List<EService> list(ServiceQuery query, int offset, int limit);

    long count(ServiceQuery query);

    Optional<EService> find(long id);

    /** The active services matching the query (its status ignored), as residents see them. */
    List<EService> published(ServiceQuery query, int offset, int limit);

    long countPublished(ServiceQuery query);

    /**
     * Creates ({@code id == 0}, placed last) or updates a service. INVALID with field errors (code:
     * latin letters, digits, dash, 2–40; name 1–300; description up to 1000; url an absolute http(s)
     * address up to 2000; category, life situations and unit existing), CONFLICT for a taken code.
     */
    EService save(PortalUser user, EService service);

    void delete(PortalUser user, long id, long version);

    /** Swaps the service with its neighbour above ({@code up}) or below; nothing at either end. */
    void move(PortalUser user, long id, boolean up);

    /** Categories by position then name. */
    List<ServiceCategory> categories();

    ServiceCategory saveCategory(PortalUser user, ServiceCategory category);

    /** Refused with CONFLICT while a service is in the category. */
    void deleteCategory(PortalUser user, long id, long version);

    /** Life situations by position then name. */
    List<LifeSituation> situations();

    LifeSituation saveSituation(PortalUser user, LifeSituation situation);

    /** Takes the situation off every service it was on. */
    void deleteSituation(PortalUser user, long id, long version);
}
