package ua.hromada.opendata.publication;

import java.time.Instant;
import java.util.List;

import ua.hromada.opendata.api.Dataset;

/**
 * A published dataset with what the publication derives from it.
 *
 * @param index         position in {@link Snapshot#datasets()}
 * @param id            stable public id (a UUID); the CKAN name is the dataset's identifier
 * @param created       first publication (or when the registry first held it, when the passport has none)
 * @param modified      the latest change of the passport or of a resource
 * @param formats       upper-case formats of its distributions (files and links), without repeats
 */
public record PublishedDataset(int index, Dataset dataset, String id, Organization organization,
        List<Distribution> distributions, Instant created, Instant modified, List<String> formats) {

    public String name() {
        return dataset.identifier();
    }
}
