/**
 * The portal's Leaflet map component for module views: base map, point features of a source,
 * named overlay layers (GeoJSON, XYZ/WMS/WMTS tiles) with identify, editing of one layer
 * (Leaflet-Geoman), measuring, legends and a permalink view state (1.1.0).
 *
 * <p>Semantically versioned (docs/api-versioning.md): the build compares this package with its
 * baseline and fails when a change needs a higher version than the one below.
 */
@Export
@Version("1.1.0")
package ua.hromada.portal.ui.map;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
