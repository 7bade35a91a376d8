/**
 * How the GIS bundles reach other servers (the image proxy, the capabilities reader): the portal's
 * outbound HTTP under the GIS's {@link GisMapServers} policy. 2.0.0: the GIS's own bounded GET
 * ({@code BoundedGet}) gave way to it.
 *
 * <p>Semantically versioned (docs/api-versioning.md).
 */
@Export
@Version("2.0.0")
package ua.hromada.gis.api.http;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
