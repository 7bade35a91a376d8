package ua.hromada.portal.api.dataset;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

/**
 * A dataset another module produces live (e.g. OKS violations as CSV and GeoJSON). The open data
 * module, when installed, registers it in its registry and refreshes its resources on schedule;
 * either module works alone.
 */
public interface DatasetProvider {

    /** Stable identifier of the dataset, unique across modules, e.g. "oks-violations". */
    String identifier();

    /** Module key of the provider, e.g. "oks". */
    String module();

    /** Passport texts, Ukrainian. */
    String title();

    String description();

    List<String> keywords();

    /** One of the national update frequencies, by its enum name (e.g. "DAILY"). */
    String updateFrequency();

    /** Formats it can produce, e.g. "CSV", "GEOJSON". */
    List<String> formats();

    /** The IANA media type of a format, e.g. "text/csv". */
    String mediaType(String format);

    /** When the data last changed; null while it has no data. */
    Instant lastModified();

    /** Writes the whole dataset in one of {@link #formats()}. */
    void write(String format, OutputStream out) throws IOException;
}
