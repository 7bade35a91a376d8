package ua.hromada.opendata.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A dataset with the passport fields the national rules require.
 *
 * @param identifier     stable identifier, unique (also the CKAN name), e.g. "poltava-budget-2026"
 * @param title          at most 254 characters
 * @param description    at most 4 000 characters
 * @param language       e.g. "uk"
 * @param formats        declared formats, e.g. CSV, XLSX, JSON
 * @param compression    e.g. "zip", or null
 * @param firstPublishedAt date and time of the first publication (Resolution 835's passport asks for both),
 *                       as a clock in the community's time zone shows it
 * @param lastModifiedAt date and time of the last change of the data, in the community's time zone
 * @param actualityDate  the date the data are current on (a date only)
 * @param keywords       the passport's keywords
 * @param links          links to the files or API, as declared
 * @param obligationId   the national-list item this dataset fulfils, if any
 * @param published      shown in the CKAN API, the DCAT catalogue and the public page
 * @param providerModule set when another module produces the dataset live (see DatasetProvider)
 * @param createdAt      when the registry first held it (never moves; null before it is saved)
 * @param version        the optimistic-lock version read with it (sent back with a form's save)
 */
public record Dataset(long id, String identifier, String title, String description, String language,
        List<String> formats, String compression, LocalDateTime firstPublishedAt, LocalDateTime lastModifiedAt,
        LocalDate actualityDate, UpdateFrequency frequency, List<String> keywords, List<String> links,
        String responsiblePerson, String responsibleEmail, String legalBasis, String purpose, long managerId,
        String managerName, List<String> tags, List<StructureField> structure, Long obligationId, boolean published,
        String providerModule, Instant updatedAt, Instant createdAt, long version) {

    /** Without the stored-only fields (a new dataset, or a row of an import): version 0. */
    public Dataset(long id, String identifier, String title, String description, String language,
            List<String> formats, String compression, LocalDateTime firstPublishedAt, LocalDateTime lastModifiedAt,
            LocalDate actualityDate, UpdateFrequency frequency, List<String> keywords, List<String> links,
            String responsiblePerson, String responsibleEmail, String legalBasis, String purpose, long managerId,
            String managerName, List<String> tags, List<StructureField> structure, Long obligationId, boolean published,
            String providerModule, Instant updatedAt) {
        this(id, identifier, title, description, language, formats, compression, firstPublishedAt, lastModifiedAt,
                actualityDate, frequency, keywords, links, responsiblePerson, responsibleEmail, legalBasis, purpose,
                managerId, managerName, tags, structure, obligationId, published, providerModule, updatedAt, null, 0);
    }

    /**
     * The passport of API 2.2, whose two publication fields were dates: each is taken as midnight in
     * the community's time zone, as the registry's V9 migration took the stored ones.
     */
    @Deprecated(since = "2.3.0")
    public Dataset(long id, String identifier, String title, String description, String language,
            List<String> formats, String compression, LocalDate firstPublished, LocalDate lastModified,
            LocalDate actualityDate, UpdateFrequency frequency, List<String> keywords, List<String> links,
            String responsiblePerson, String responsibleEmail, String legalBasis, String purpose, long managerId,
            String managerName, List<String> tags, List<StructureField> structure, Long obligationId, boolean published,
            String providerModule, Instant updatedAt, Instant createdAt, long version) {
        this(id, identifier, title, description, language, formats, compression, midnight(firstPublished),
                midnight(lastModified), actualityDate, frequency, keywords, links, responsiblePerson, responsibleEmail,
                legalBasis, purpose, managerId, managerName, tags, structure, obligationId, published, providerModule,
                updatedAt, createdAt, version);
    }

    /** The passport of API 2.2 without the stored-only fields; dates as midnight (see above). */
    @Deprecated(since = "2.3.0")
    public Dataset(long id, String identifier, String title, String description, String language,
            List<String> formats, String compression, LocalDate firstPublished, LocalDate lastModified,
            LocalDate actualityDate, UpdateFrequency frequency, List<String> keywords, List<String> links,
            String responsiblePerson, String responsibleEmail, String legalBasis, String purpose, long managerId,
            String managerName, List<String> tags, List<StructureField> structure, Long obligationId, boolean published,
            String providerModule, Instant updatedAt) {
        this(id, identifier, title, description, language, formats, compression, midnight(firstPublished),
                midnight(lastModified), actualityDate, frequency, keywords, links, responsiblePerson, responsibleEmail,
                legalBasis, purpose, managerId, managerName, tags, structure, obligationId, published, providerModule,
                updatedAt, null, 0);
    }

    public Dataset {
        formats = formats == null ? List.of() : List.copyOf(formats);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        links = links == null ? List.of() : List.copyOf(links);
        tags = tags == null ? List.of() : List.copyOf(tags);
        structure = structure == null ? List.of() : List.copyOf(structure);
    }

    /** The day of the first publication in the community's time zone, or null. */
    public LocalDate firstPublished() {
        return firstPublishedAt == null ? null : firstPublishedAt.toLocalDate();
    }

    /** The day of the last change in the community's time zone, or null. */
    public LocalDate lastModified() {
        return lastModifiedAt == null ? null : lastModifiedAt.toLocalDate();
    }

    private static LocalDateTime midnight(LocalDate day) {
        return day == null ? null : day.atStartOfDay();
    }

    /** The same passport as another id and manager (imports). */
    public Dataset withIdAndManager(long newId, long newManagerId) {
        return new Dataset(newId, identifier, title, description, language, formats, compression, firstPublishedAt,
                lastModifiedAt, actualityDate, frequency, keywords, links, responsiblePerson, responsibleEmail, legalBasis,
                purpose, newManagerId, managerName, tags, structure, obligationId, published, providerModule, updatedAt,
                createdAt, version);
    }

    /** The same passport expected at another version (a save over what is stored now). */
    public Dataset withVersion(long newVersion) {
        return new Dataset(id, identifier, title, description, language, formats, compression, firstPublishedAt,
                lastModifiedAt, actualityDate, frequency, keywords, links, responsiblePerson, responsibleEmail, legalBasis,
                purpose, managerId, managerName, tags, structure, obligationId, published, providerModule, updatedAt,
                createdAt, newVersion);
    }

    /** The same passport with other publication fields (publishing, a fresh upload). */
    public Dataset withPublication(boolean newPublished, LocalDateTime newFirstPublishedAt,
            LocalDateTime newLastModifiedAt) {
        return new Dataset(id, identifier, title, description, language, formats, compression, newFirstPublishedAt,
                newLastModifiedAt, actualityDate, frequency, keywords, links, responsiblePerson, responsibleEmail,
                legalBasis, purpose, managerId, managerName, tags, structure, obligationId, newPublished, providerModule,
                updatedAt, createdAt, version);
    }

    /** The same with publication dates of API 2.2: midnight in the community's time zone. */
    @Deprecated(since = "2.3.0")
    public Dataset withPublication(boolean newPublished, LocalDate newFirstPublished, LocalDate newLastModified) {
        return withPublication(newPublished, midnight(newFirstPublished), midnight(newLastModified));
    }
}
