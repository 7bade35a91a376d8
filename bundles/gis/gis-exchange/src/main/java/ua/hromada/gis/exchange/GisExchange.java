package ua.hromada.gis.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads and writes the GIS module's file formats (an OSGi service). Reading never throws for a bad
 * file: a file that cannot be read at all gives a dataset with {@link ImportedDataset#fileErrors()},
 * a bad record gives a row with {@link ImportedRow#errors()}.
 */
@ProviderType
public interface GisExchange {

    /** The formats that can be read now: Shapefile and DXF only when GDAL's {@code ogr2ogr} is installed. */
    Set<ImportFormat> readableFormats();

    /**
     * Reads a file. The stream is read up to the configured size limit and not closed.
     *
     * @param format  the file's format, e.g. from {@link ImportFormat#ofFileName(String)}
     * @param in      the file's bytes
     * @param options the user's choices (coordinate system, CSV columns, text encoding); never null
     */
    ImportedDataset read(ImportFormat format, InputStream in, ImportOptions options);

    /** Writes a layer's features; the stream is not closed. */
    void write(ExportFormat format, ExportLayer layer, OutputStream out) throws IOException;
}
