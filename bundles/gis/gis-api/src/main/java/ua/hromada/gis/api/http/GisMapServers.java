package ua.hromada.gis.api.http;

import ua.hromada.portal.api.outbound.OutboundPolicy;

/**
 * Which map servers the GIS bundles may reach (the capabilities reader, the image proxy): they send
 * through the portal's outbound HTTP ({@link ua.hromada.portal.api.outbound.OutboundHttp}) under this
 * policy — public addresses and the networks in {@code allowed.networks} of
 * {@code ua.hromada.gis.mapservers.cfg} (a council's own map server is often on its internal network).
 * One setting for both bundles, so the administrator lists a network once.
 */
@org.osgi.annotation.versioning.ProviderType
public interface GisMapServers {

    /** The GIS's allowed networks with the portal's default bounds; a caller sets its own with {@code with...}. */
    OutboundPolicy policy();
}
