/**
 * HTTP helpers the GIS bundles share for reaching other servers (the image proxy, the capabilities
 * reader): one bounded GET, so both keep the same deadline and size rules.
 *
 * <p>Semantically versioned (docs/api-versioning.md).
 */
@Export
@Version("1.0.0")
package ua.hromada.gis.api.http;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
