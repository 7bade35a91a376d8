package ua.hromada.opendata.api;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import ua.hromada.portal.api.PortalUser;

/**
 * The registry: data managers, datasets with their passports, resources, and the national list
 * of obligatory datasets. Reading needs {@link OpendataPermissions#VIEW}, changing
 * {@link OpendataPermissions#EDIT}; failures are {@link OpendataException}s with a message key.
 * The "published" readers (no actor) serve the public page, the CKAN API and the DCAT catalogue.
 */
@org.osgi.annotation.versioning.ProviderType
public interface DatasetRegistry {

    /** Largest resource file accepted (etc/ua.hromada.opendata.cfg, upload.max.size.mb). */
    long maxUploadBytes();

    /** The passport's length limits the registry checks (and its columns hold): forms show them, never copy them. */
    PassportLimits limits();

    // data managers
    List<DataManager> managers(PortalUser actor);

    Optional<DataManager> manager(long id);

    /**
     * Creates (id 0) or updates; ЄДРПОУ checked by its check digit, e-mail by its form. An update
     * carries the version it was read with: a manager changed since is refused with
     * {@code EditConflictException} and nothing is saved.
     */
    DataManager saveManager(PortalUser actor, DataManager manager);

    // datasets
    List<Dataset> datasets(PortalUser actor, DatasetQuery query);

    long countDatasets(PortalUser actor, DatasetQuery query);

    Optional<Dataset> dataset(long id);

    Optional<Dataset> datasetByIdentifier(String identifier);

    /**
     * Creates (id 0) or updates; passport rules (required fields, lengths, identifier unique). An
     * update carries the version it was read with (a dataset changed since is refused with
     * {@code EditConflictException}); an update that changes nothing writes nothing, so its dates
     * (CKAN's metadata_modified) stay. Publishing fills an empty first-publication date with today.
     */
    Dataset saveDataset(PortalUser actor, Dataset dataset);

    /** Every dataset, in id order, for audits and exports (streamed: 10 000 datasets fit easily). */
    void forEachDataset(Consumer<Dataset> consumer);

    // resources
    List<Resource> resources(long datasetId);

    Optional<Resource> resource(long id);

    /** An external URL resource (http or https). */
    Resource addLink(PortalUser actor, long datasetId, String name, String format, String url);

    /**
     * An uploaded file, stored with its SHA-256; the format is guessed from the name when blank; a
     * text file's character set is detected (served with it). The dataset's last-modified date
     * becomes today.
     */
    Resource upload(PortalUser actor, long datasetId, String name, String format, String fileName, byte[] content);

    /** The bytes of an uploaded resource (streams from the database or the configured folder). */
    Optional<InputStream> content(long resourceId);

    /** Removes a resource (the dataset stays). */
    void removeResource(PortalUser actor, long resourceId);

    // the national list of obligatory datasets
    List<Obligation> obligations();

    Obligation saveObligation(PortalUser actor, Obligation obligation);

    /** Which obligations apply to a data manager (its obligations list). */
    List<Obligation> obligationsOf(long managerId);

    void setObligations(PortalUser actor, long managerId, List<Long> obligationIds);

    // published (public, CKAN, DCAT)
    List<Dataset> published(DatasetQuery query);

    long countPublished(DatasetQuery query);

    /** Tags of published datasets with their counts, most used first. */
    List<TagCount> tags();

    record TagCount(String tag, long count) {
    }

    /**
     * Longest texts of a passport, in characters.
     *
     * @param title a dataset's title (also a resource's name)
     * @param description a dataset's description, legal basis and purpose
     * @param fieldName a structure field's name
     * @param fieldTitle a structure field's title
     */
    record PassportLimits(int title, int description, int fieldName, int fieldTitle) {
    }
}
