package ua.hromada.eservices.api;

import org.osgi.annotation.versioning.ProviderType;

import ua.hromada.portal.api.PortalUser;

/**
 * The catalogue to and from files: a CSV (UTF-8, ";" or "," separated) or XLSX table with one
 * service a row, categories, life situations and the owner unit named by their codes. Import is a
 * preview first, then all or nothing. Needs {@link EservicesPermissions#CATALOGUE}.
 */
@ProviderType
public interface CatalogueTransfer {

    /** Largest file an import reads. */
    int MAX_IMPORT_BYTES = 5 * 1024 * 1024;

    /** The columns of the table, in order (the header row of an export, expected in an import). */
    String[] COLUMNS = {"code", "name", "description", "url", "category", "situations", "audience", "provider",
        "unit", "status"};

    /** Reads the file and checks every row against the catalogue; nothing is changed. */
    CatalogueImport preview(PortalUser user, String fileName, byte[] content);

    /**
     * Applies a preview in one transaction after checking its rows again: every service is created
     * or updated, or none is (INVALID when a row is wrong now, nothing applied).
     *
     * @return the number of services created or updated
     */
    int apply(PortalUser user, CatalogueImport preview);

    /** The whole catalogue in catalogue order. */
    byte[] export(PortalUser user, TransferFormat format);
}
