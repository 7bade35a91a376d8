package ua.hromada.opendata.api;

import java.util.List;

import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.jobs.JobProgress;

/**
 * Publication of a data manager's published datasets back to a CKAN portal (the national one) with
 * the publisher's API key (configuration {@code ua.hromada.opendata.ckan/api.key}, per community):
 * {@code package_create} for a dataset the portal lacks, {@code package_patch} with the changed
 * fields for one it holds, {@code resource_create} for each link it lacks. A dry run reads the
 * organisation's packages and shows that diff; the publication makes exactly those calls. Both are
 * long: views run them as jobs.
 */
@org.osgi.annotation.versioning.ProviderType
public interface CkanPublish {

    /** What the publication does with one dataset. */
    enum Action {
        /** package_create (and resource_create for its links) */
        CREATE,
        /** package_patch with the changed fields and/or resource_create for new links */
        UPDATE,
        /** the package equals the dataset: no call */
        UNCHANGED
    }

    /** Whether the community has a publisher's API key configured (without one, nothing is sent). */
    boolean configured();

    /**
     * Reads the organisation (organization_show) and its packages (package_search) and compares
     * them with the registry's published datasets of the organisation's data manager (found by the
     * organisation's ЄДРПОУ, else its title). Sends nothing.
     */
    PublishPreview preview(PortalUser actor, String portalUrl, String organization, JobProgress progress);

    /** Makes a preview's calls, dataset by dataset; a preview is used once. A cancel stops between datasets. */
    PublishResult publish(PortalUser actor, PublishPreview preview, JobProgress progress);

    /**
     * @param changes for UPDATE: each changed field as "field: «portal» → «registry»" and each
     *                link to add; for CREATE: the links to add
     */
    record PublishRow(String identifier, String title, Action action, List<String> changes) {
        public PublishRow {
            changes = changes == null ? List.of() : List.copyOf(changes);
        }
    }

    /**
     * @param token   identifies the plan kept for {@link #publish}
     * @param manager the data manager whose datasets are compared, as "name (ЄДРПОУ code)"
     */
    record PublishPreview(String token, String portalUrl, String organization, String manager,
            List<PublishRow> rows) {
        public PublishPreview {
            rows = rows == null ? List.of() : List.copyOf(rows);
        }

        public long count(Action action) {
            return rows.stream().filter(r -> r.action() == action).count();
        }
    }

    /** Calls made: packages created and patched, resources created. */
    record PublishResult(int created, int updated, int resourcesCreated) {
    }
}
