/**
 * The GIS module's file formats: reading GeoJSON, KML, CSV, zipped Shapefile and DXF into rows with
 * per-row errors, and writing GeoJSON, KML, CSV and XLSX. No database: the GIS service validates the
 * rows against a layer's schema and transforms their geometry to WGS 84 with PostGIS.
 *
 * <p>Semantically versioned (docs/api-versioning.md).
 */
@Export
@Version("1.0.0")
package ua.hromada.gis.exchange;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
