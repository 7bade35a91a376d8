/**
 * The GIS module's API: the layer registry (groups, layers with a typed attribute schema, style,
 * visibility, metadata), the objects (features) of the layers with their history, and the spatial
 * queries other modules use, the viewer's clustered answers, the external (WMS/WMTS/XYZ) layers and
 * the layers other modules publish (1.1.0 added GisViewer, GisExternalLayers, GisModuleLayers; 1.2.0
 * GisExternalLayers.findByKey and ExternalLayer.clientUrl for the image proxy).
 * Geometry crosses it as GeoJSON geometry text in WGS 84 (EPSG:4326).
 *
 * <p>Semantically versioned (docs/api-versioning.md).
 */
@Export
@Version("1.2.0")
package ua.hromada.gis.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
