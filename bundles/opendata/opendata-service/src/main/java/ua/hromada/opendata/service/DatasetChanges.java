package ua.hromada.opendata.service;

import ua.hromada.opendata.api.Dataset;

/** Whether a save changes a stored dataset's passport at all. */
final class DatasetChanges {

    private DatasetChanges() {
    }

    /**
     * True when {@code next} (normalized) holds the same passport as {@code stored}: the fields the
     * registry keeps itself (manager's name, provider, dates of the row, version) do not count.
     */
    static boolean same(Dataset stored, Dataset next) {
        Dataset comparable = new Dataset(stored.id(), next.identifier(), next.title(), next.description(), next.language(),
                next.formats(), next.compression(), next.firstPublishedAt(), next.lastModifiedAt(), next.actualityDate(),
                next.frequency(), next.keywords(), next.links(), next.responsiblePerson(), next.responsibleEmail(),
                next.legalBasis(), next.purpose(), next.managerId(), stored.managerName(), next.tags(), next.structure(),
                next.obligationId(), next.published(), stored.providerModule(), stored.updatedAt(), stored.createdAt(),
                stored.version());
        return comparable.equals(stored);
    }
}
