package ua.hromada.opendata.api;

import java.time.Instant;

/**
 * A distribution of a dataset: an uploaded file (kept with its checksum) or an external URL.
 *
 * @param url      external address, or null for an uploaded file
 * @param fileName the uploaded file's name, or null for a URL
 * @param size     bytes of the uploaded file (null when unknown, e.g. a URL)
 * @param sha256   checksum of the uploaded file
 */
public record Resource(long id, long datasetId, String name, String description, String format, String mediaType,
        String url, String fileName, Long size, String sha256, Instant modified) {

    public boolean uploaded() {
        return url == null;
    }
}
