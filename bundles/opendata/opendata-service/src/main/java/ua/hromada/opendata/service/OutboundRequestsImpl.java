package ua.hromada.opendata.service;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.opendata.api.OutboundRequests;
import ua.hromada.portal.api.outbound.OutboundHttp;
import ua.hromada.portal.api.outbound.OutboundPolicy;

/**
 * Open data's outbound rules: {@code allowed.networks} of etc/ua.hromada.opendata.ckan.cfg, for the
 * CKAN import and publication and the audit's link checks; the requests go through the portal's
 * {@link OutboundHttp}.
 */
@Component(service = OutboundRequests.class, configurationPid = CkanConfig.PID)
public class OutboundRequestsImpl implements OutboundRequests {
    private final OutboundHttp http;
    private final OutboundPolicy policy;

    @Activate
    public OutboundRequestsImpl(@Reference OutboundHttp http, CkanConfig config) {
        this(http, config.allowed_networks() == null ? List.of() : Arrays.asList(config.allowed_networks()));
    }

    /** @param allowedNetworks addresses or CIDR networks allowed even when not public */
    OutboundRequestsImpl(OutboundHttp http, List<String> allowedNetworks) {
        this.http = http;
        this.policy = OutboundPolicy.allowing("allowed.networks", allowedNetworks);
    }

    @Override
    public OutboundPolicy policy() {
        return policy;
    }

    @Override
    public HttpResponse<InputStream> send(HttpRequest request, OutboundPolicy policy) throws IOException, InterruptedException {
        return http.send(request, policy);
    }
}
