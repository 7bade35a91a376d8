package ua.hromada.gis.exchange.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.gis.exchange.ExchangeMessage;
import ua.hromada.gis.exchange.ExportFormat;
import ua.hromada.gis.exchange.ExportLayer;
import ua.hromada.gis.exchange.GisExchange;
import ua.hromada.gis.exchange.ImportFormat;
import ua.hromada.gis.exchange.ImportOptions;
import ua.hromada.gis.exchange.ImportedDataset;

/** The GIS file formats as a service; a file that cannot be read becomes one file error. */
@Component(service = GisExchange.class, configurationPid = ExchangeConfig.PID)
@Designate(ocd = ExchangeConfig.class)
public class GisExchangeService implements GisExchange {
    private static final Logger LOG = LoggerFactory.getLogger(GisExchangeService.class);
    private final Limits limits;
    private final OgrReader ogr;

    @Activate
    public GisExchangeService(ExchangeConfig config) {
        this(new Limits((long) config.max_file_megabytes() << 20, (long) config.max_unpacked_megabytes() << 20,
                config.max_rows(), Duration.ofSeconds(config.ogr2ogr_timeout_seconds())),
                Tools.fromEnvironment(config.ogr2ogr_path()));
    }

    public GisExchangeService(Limits limits, Tools tools) {
        this.limits = limits;
        this.ogr = new OgrReader(limits, tools);
    }

    @Override
    public Set<ImportFormat> readableFormats() {
        Set<ImportFormat> formats = EnumSet.of(ImportFormat.GEOJSON, ImportFormat.KML, ImportFormat.CSV);
        if (ogr.available()) {
            formats.add(ImportFormat.SHAPEFILE);
            formats.add(ImportFormat.DXF);
        }
        return formats;
    }

    @Override
    public ImportedDataset read(ImportFormat format, InputStream in, ImportOptions options) {
        ImportOptions o = options == null ? ImportOptions.detect() : options;
        try {
            ImportedDataset read = switch (format) {
                case GEOJSON -> new GeoJsonReader(limits).read(
                        new LimitedInput(in, limits.maxFileBytes(), "gis.exchange.file.tooLarge"), o);
                case KML -> new KmlReader(limits).read(bytes(in), o);
                case CSV -> new CsvReader(limits).read(bytes(in), o);
                case SHAPEFILE -> ogr.readShapefile(bytes(in), o);
                case DXF -> ogr.readDxf(bytes(in), o);
            };
            return read.rows().isEmpty() && read.fileErrors().isEmpty()
                    ? ImportedDataset.failed(ExchangeMessage.of("gis.exchange.file.noFeatures")) : read;
        } catch (ImportFailure e) {
            return ImportedDataset.failed(e.error());
        } catch (RuntimeException e) {
            // a file no reader foresaw must still be a plain answer to the user, not a server error
            LOG.warn("GIS import of a {} file failed unexpectedly", format, e);
            return ImportedDataset.failed(ExchangeMessage.of("gis.exchange.file.unreadable"));
        }
    }

    private byte[] bytes(InputStream in) {
        return LimitedInput.readAll(in, limits.maxFileBytes());
    }

    @Override
    public void write(ExportFormat format, ExportLayer layer, OutputStream out) throws IOException {
        switch (format) {
            case GEOJSON -> new GeoJsonWriter().write(layer, out);
            case KML -> new KmlWriter().write(layer, out);
            case CSV -> new CsvWriter().write(layer, out);
            case XLSX -> new XlsxWriter().write(layer, out);
        }
    }
}
