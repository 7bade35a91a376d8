package ua.hromada.eservices.api;

import java.util.List;

/**
 * One entry of the service catalogue: a council or state e-service residents or businesses reach
 * at {@code url}.
 *
 * @param id           0 for a new service
 * @param categoryId   the {@link ServiceCategory}, null for none
 * @param situationIds the {@link LifeSituation}s it helps with, possibly none
 * @param unitId       the owner {@link Unit} (e-mailed when the link breaks), null for none
 * @param position     order in the catalogue, smaller first (set by the catalogue: new ones go last)
 * @param version      optimistic-locking version the form loaded (portal-api {@code Versioned})
 * @param link         the link monitor's last state (read only: saving a service does not change it)
 */
public record EService(long id, String code, String name, String description, String url, Long categoryId,
        List<Long> situationIds, Audience audience, ProviderKind provider, Long unitId, ServiceStatus status,
        int position, long version, LinkStatus link) {

    public EService {
        situationIds = situationIds == null ? List.of() : List.copyOf(situationIds);
        link = link == null ? LinkStatus.UNCHECKED : link;
    }

    /** A new, active service for residents run by the council, at the end of the catalogue. */
    public static EService create(String code, String name, String description, String url) {
        return new EService(0, code, name, description, url, null, List.of(), Audience.RESIDENTS,
                ProviderKind.COUNCIL, null, ServiceStatus.ACTIVE, 0, 0, LinkStatus.UNCHECKED);
    }

    public EService withCategory(Long category) {
        return new EService(id, code, name, description, url, category, situationIds, audience, provider, unitId,
                status, position, version, link);
    }

    public EService withSituations(List<Long> situations) {
        return new EService(id, code, name, description, url, categoryId, situations, audience, provider, unitId,
                status, position, version, link);
    }

    public EService withAudience(Audience value) {
        return new EService(id, code, name, description, url, categoryId, situationIds, value, provider, unitId,
                status, position, version, link);
    }

    public EService withProvider(ProviderKind value) {
        return new EService(id, code, name, description, url, categoryId, situationIds, audience, value, unitId,
                status, position, version, link);
    }

    public EService withUnit(Long unit) {
        return new EService(id, code, name, description, url, categoryId, situationIds, audience, provider, unit,
                status, position, version, link);
    }

    public EService withStatus(ServiceStatus value) {
        return new EService(id, code, name, description, url, categoryId, situationIds, audience, provider, unitId,
                value, position, version, link);
    }

    public EService withUrl(String value) {
        return new EService(id, code, name, description, value, categoryId, situationIds, audience, provider, unitId,
                status, position, version, link);
    }
}
