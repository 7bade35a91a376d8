package ua.hromada.opendata.api;

import java.util.List;

import ua.hromada.portal.api.PortalUser;

/**
 * Deletions and actions on several datasets at once (the registry grid's selection). Each needs
 * {@link OpendataPermissions#EDIT} and is written to the audit log. A deletion that would leave
 * other records pointing at nothing is refused with an {@link OpendataException} of reason
 * CONFLICT whose message says what still depends on the record.
 */
@org.osgi.annotation.versioning.ProviderType
public interface RegistryActions {

    /**
     * Deletes a dataset with its structure and resources (files included). Refused for a dataset
     * another module produces live: the module would only bring it back.
     */
    void deleteDataset(PortalUser actor, long datasetId);

    /**
     * Deletes a data manager with its list of obligations. Refused while datasets or subordinate
     * bodies belong to it, or while other parts of the module refer to it ({@link RegistryReferences}).
     */
    void deleteManager(PortalUser actor, long managerId);

    /**
     * Publishes or withdraws each dataset (publishing fills an empty first-publication date);
     * each on its own, so one refused does not stop the others.
     */
    BulkResult setPublished(PortalUser actor, List<Long> datasetIds, boolean published);

    /** Deletes each dataset as {@link #deleteDataset} does, each on its own. */
    BulkResult deleteDatasets(PortalUser actor, List<Long> datasetIds);

    /** @param done how many changed (an already published dataset published again is not counted) */
    record BulkResult(int done, List<Refusal> refused) {
        public BulkResult {
            refused = refused == null ? List.of() : List.copyOf(refused);
        }
    }

    /** A dataset of a bulk action left as it was, and why. */
    record Refusal(long datasetId, String title, OpendataException reason) {
    }
}
