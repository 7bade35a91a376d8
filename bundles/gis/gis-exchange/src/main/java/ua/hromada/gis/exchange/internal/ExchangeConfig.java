package ua.hromada.gis.exchange.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Limits of the GIS file import and where GDAL's ogr2ogr is, PID {@code ua.hromada.gis.exchange}
 * (etc/ua.hromada.gis.exchange.cfg, optional: the defaults fit a council's layers).
 */
@ObjectClassDefinition(id = ExchangeConfig.PID, name = "Hromada GIS file exchange",
        description = "Size limits of imported files and the ogr2ogr program for Shapefile and DXF")
public @interface ExchangeConfig {
    String PID = "ua.hromada.gis.exchange";

    @AttributeDefinition(name = "Largest file (MB)", description = "An uploaded file larger than this is refused")
    int max_file_megabytes() default 100;

    @AttributeDefinition(name = "Largest unpacked content (MB)",
            description = "What a ZIP (Shapefile, KMZ) unpacks to, and ogr2ogr's output; counted while reading")
    int max_unpacked_megabytes() default 500;

    @AttributeDefinition(name = "Most features", description = "Rows or features in one file")
    int max_rows() default 200_000;

    @AttributeDefinition(name = "ogr2ogr timeout (s)", description = "How long reading one Shapefile or DXF may take")
    int ogr2ogr_timeout_seconds() default 120;

    @AttributeDefinition(name = "ogr2ogr path",
            description = "Full path of GDAL's ogr2ogr (Debian package gdal-bin); empty = search the PATH")
    String ogr2ogr_path() default "";
}
