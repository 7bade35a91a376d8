package ua.hromada.eservices.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import ua.hromada.portal.api.PortalUser;

/** The topics of the appeal form and their routing. Changes need {@link EservicesPermissions#MANAGE}. */
@ProviderType
public interface AppealTopics {

    /** Every topic, by position then name. */
    List<AppealTopic> all();

    /** The active topics, as the public form lists them. */
    List<AppealTopic> active();

    Optional<AppealTopic> find(long id);

    /**
     * Creates ({@code id == 0}) or updates a topic. INVALID with field errors (code, name, unit
     * existing and active, deadline 1–90 working days, handover one of the available targets or
     * empty), CONFLICT for a taken code, FORBIDDEN without the right.
     */
    AppealTopic save(PortalUser user, AppealTopic topic);
}
