package ua.hromada.opendata.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The one way open data's bundles send a request to an address someone typed (a CKAN portal, a
 * resource link): http(s) only, every address the host resolves to public or listed in
 * {@code allowed.networks} of {@code ua.hromada.opendata.ckan.cfg}, redirects followed here and each
 * target checked again. An address that is not allowed is never connected to.
 */
@org.osgi.annotation.versioning.ProviderType
public interface OutboundRequests {

    /**
     * Sends {@code request} with {@code client} (a client that follows no redirects: they are
     * followed and checked here).
     *
     * @throws OutboundRefusedException the address, or a redirect's, is not one open data may connect to
     */
    HttpResponse<InputStream> send(HttpClient client, HttpRequest request) throws IOException, InterruptedException;
}
