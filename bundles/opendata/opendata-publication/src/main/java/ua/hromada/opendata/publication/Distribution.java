package ua.hromada.opendata.publication;

import java.time.Instant;

import ua.hromada.opendata.api.Resource;

/**
 * A published distribution of a dataset: a resource of the registry (an uploaded file, served by
 * the download endpoint, or an external URL), or a link of the passport that no resource covers.
 *
 * @param id       stable public id (a UUID)
 * @param resource the registry's resource, or null for a passport link
 * @param url      absolute address the data is fetched from
 */
public record Distribution(String id, Resource resource, String name, String description, String url, String format,
        String mediaType, Long size, String sha256, Instant modified, int position) {

    public boolean uploaded() {
        return resource != null && resource.uploaded();
    }
}
