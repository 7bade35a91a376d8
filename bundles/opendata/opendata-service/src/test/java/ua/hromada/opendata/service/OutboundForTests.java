package ua.hromada.opendata.service;

import java.util.List;

import ua.hromada.opendata.api.OutboundRequests;
import ua.hromada.portal.outbound.OutboundHttpImpl;

/** Open data's outbound rules as other bundles' tests configure them (e.g. 127.0.0.1 for a local server). */
public final class OutboundForTests {
    private OutboundForTests() {
    }

    /** Public addresses and {@code allowedNetworks}, as {@code allowed.networks} would, over the portal's outbound HTTP. */
    public static OutboundRequests allowing(String... allowedNetworks) {
        return new OutboundRequestsImpl(new OutboundHttpImpl(), List.of(allowedNetworks));
    }
}
