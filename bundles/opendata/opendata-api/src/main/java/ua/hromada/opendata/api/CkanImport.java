package ua.hromada.opendata.api;

import java.util.List;

import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.jobs.JobProgress;

/**
 * Import of an organisation's datasets (passports and resource links) from a CKAN portal — the
 * national one, or another Hromada portal — into the registry, so they can be audited. A dry run
 * reads the portal and shows what would change; the commit writes exactly that preview, all of it
 * in one transaction or nothing. Each imported dataset keeps the CKAN package's id, so importing
 * again updates it instead of adding a second one. Both steps are long: views run them as jobs.
 */
@org.osgi.annotation.versioning.ProviderType
public interface CkanImport {

    /** What a commit does with one package. */
    enum Change {
        /** a new dataset */
        NEW,
        /** an existing dataset gets the listed fields or resources */
        CHANGED,
        /** equal to what the registry holds: nothing is written */
        UNCHANGED,
        /** the package cannot be imported (see errors): skipped */
        INVALID
    }

    /**
     * Reads the organisation's packages (organization_show, then package_search with
     * {@code fq=organization:<name>} page by page) and compares each with the registry. Saves nothing.
     *
     * @param portalUrl    the CKAN portal's address, e.g. https://data.gov.ua
     * @param organization the organisation's CKAN name or id
     * @param progress     packages read of the organisation's count; a cancel stops the reading
     */
    CkanPreview preview(PortalUser actor, String portalUrl, String organization, JobProgress progress);

    /** Writes a preview's NEW and CHANGED packages in one transaction; a preview is used once. */
    CkanResult commit(PortalUser actor, CkanPreview preview, JobProgress progress);

    /**
     * @param packageId the CKAN package's id (the key of re-imports)
     * @param name      the CKAN package's name (the dataset's identifier)
     * @param changes   for CHANGED: the passport fields and resource links that differ, in Ukrainian
     * @param errors    for INVALID: why, in Ukrainian
     */
    record CkanRow(String packageId, String name, String title, Change change, List<String> changes,
            List<String> errors) {
        public CkanRow {
            changes = changes == null ? List.of() : List.copyOf(changes);
            errors = errors == null ? List.of() : List.copyOf(errors);
        }
    }

    /**
     * @param token        identifies the read packages kept for {@link #commit}
     * @param manager      the data manager the datasets belong to, as "name (ЄДРПОУ code)"
     * @param newManager   whether the commit creates that data manager
     */
    record CkanPreview(String token, String portalUrl, String organization, String manager, boolean newManager,
            List<CkanRow> rows) {
        public CkanPreview {
            rows = rows == null ? List.of() : List.copyOf(rows);
        }

        public long count(Change change) {
            return rows.stream().filter(r -> r.change() == change).count();
        }
    }

    /**
     * @param resourcesAdded resource links added to new and changed datasets
     */
    record CkanResult(int created, int updated, int unchanged, int skipped, int resourcesAdded,
            boolean managerCreated) {
    }
}
