package ua.hromada.opendata.api;

import java.time.Instant;
import java.time.LocalDate;
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
 * @param keywords       the passport's keywords
 * @param links          links to the files or API, as declared
 * @param obligationId   the national-list item this dataset fulfils, if any
 * @param published      shown in the CKAN API, the DCAT catalogue and the public page
 * @param providerModule set when another module produces the dataset live (see DatasetProvider)
 */
public record Dataset(long id, String identifier, String title, String description, String language,
        List<String> formats, String compression, LocalDate firstPublished, LocalDate lastModified,
        LocalDate actualityDate, UpdateFrequency frequency, List<String> keywords, List<String> links,
        String responsiblePerson, String responsibleEmail, String legalBasis, String purpose, long managerId,
        String managerName, List<String> tags, List<StructureField> structure, Long obligationId, boolean published,
        String providerModule, Instant updatedAt) {

    public Dataset {
        formats = formats == null ? List.of() : List.copyOf(formats);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        links = links == null ? List.of() : List.copyOf(links);
        tags = tags == null ? List.of() : List.copyOf(tags);
        structure = structure == null ? List.of() : List.copyOf(structure);
    }
}
