package ua.hromada.opendata.service;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import ua.hromada.opendata.api.OutboundRequests;

/**
 * The outbound allow-list of open data offered to its other bundles (the audit's link checks): the
 * same {@code allowed.networks} of etc/ua.hromada.opendata.ckan.cfg as the CKAN import and publication.
 */
@Component(service = OutboundRequests.class, configurationPid = CkanConfig.PID)
public class OutboundRequestsImpl implements OutboundRequests {
    private final OutboundAddresses addresses;

    @Activate
    public OutboundRequestsImpl(CkanConfig config) {
        this(config.allowed_networks() == null ? List.of() : Arrays.asList(config.allowed_networks()));
    }

    /** @param allowedNetworks addresses or CIDR networks allowed even when not public */
    OutboundRequestsImpl(List<String> allowedNetworks) {
        this.addresses = new OutboundAddresses(allowedNetworks);
    }

    @Override
    public HttpResponse<InputStream> send(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
        return new OutboundHttp(client, addresses).send(request);
    }
}
