package ua.hromada.opendata.service;

import java.util.List;

import ua.hromada.opendata.api.OutboundRequests;

/** The outbound allow-list as other bundles' tests configure it (e.g. 127.0.0.1 for a local server). */
public final class OutboundForTests {
    private OutboundForTests() {
    }

    /** Public addresses and {@code allowedNetworks}, as {@code allowed.networks} would. */
    public static OutboundRequests allowing(String... allowedNetworks) {
        return new OutboundRequestsImpl(List.of(allowedNetworks));
    }
}
