package ua.hromada.opendata.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import ua.hromada.portal.api.outbound.OutboundPolicy;

/**
 * Open data's rules for the portal's outbound HTTP ({@link ua.hromada.portal.api.outbound.OutboundHttp}),
 * shared by its bundles (the CKAN import and publication, the audit's link checks): public addresses
 * and the networks in {@code allowed.networks} of {@code ua.hromada.opendata.ckan.cfg}.
 */
@org.osgi.annotation.versioning.ProviderType
public interface OutboundRequests {

    /** Open data's allowed networks with the portal's default bounds; a caller sets its own with {@code with...}. */
    OutboundPolicy policy();

    /**
     * Sends {@code request} through the portal's outbound HTTP under {@code policy} (open data's
     * {@link #policy()}, possibly with other bounds).
     *
     * @throws ua.hromada.portal.api.outbound.OutboundRefusedException the address, or a redirect's, is
     *                                                                 not one open data may connect to
     */
    HttpResponse<InputStream> send(HttpRequest request, OutboundPolicy policy) throws IOException, InterruptedException;
}
