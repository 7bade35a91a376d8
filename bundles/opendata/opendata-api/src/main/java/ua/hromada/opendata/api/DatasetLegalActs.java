package ua.hromada.opendata.api;

import java.util.List;
import java.util.Optional;

import ua.hromada.portal.api.PortalUser;

/**
 * The act of document search a dataset's legal basis names (portal-api {@code LegalActLookup}), kept
 * next to the basis in words ({@link Dataset#legalBasis()}) and changed from the passport's form.
 */
@org.osgi.annotation.versioning.ProviderType
public interface DatasetLegalActs {

    /** The act's id, empty when none is linked. */
    Optional<Long> legalAct(long datasetId);

    /**
     * Links the dataset to the act ({@code actId} null: unlinks); data editors only, audited.
     *
     * @throws OpendataException NOT_FOUND when there is no such dataset, FORBIDDEN for others
     */
    void link(PortalUser actor, long datasetId, Long actId);

    /**
     * Saves the dataset's passport ({@link DatasetRegistry#saveDataset}) and its link to the act
     * ({@code actId} null: none) in one transaction: when either is refused, neither is saved. Data
     * editors only, audited. While document search runs, an act it does not know is refused (one
     * already linked may stay after it was removed there).
     *
     * @return the saved dataset
     * @throws OpendataException as {@link DatasetRegistry#saveDataset}; INVALID for an unknown act
     * @since 3.1
     */
    Dataset saveDataset(PortalUser actor, Dataset dataset, Long actId);

    /** The datasets whose legal basis names that act, by title; anyone who may read the registry. */
    List<Citing> citing(PortalUser actor, long actId);

    /** A dataset that names the act. */
    record Citing(long datasetId, String identifier, String title) {
    }
}
