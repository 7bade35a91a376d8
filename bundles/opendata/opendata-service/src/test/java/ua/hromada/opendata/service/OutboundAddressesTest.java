package ua.hromada.opendata.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import ua.hromada.opendata.api.OpendataException;
import ua.hromada.portal.api.jobs.JobProgress;

/**
 * The allow-list of outbound addresses: public addresses only unless configured, checked again
 * after each redirect; the CKAN import and publication refuse a portal on a refused address
 * before any request reaches it.
 */
class OutboundAddressesTest {

    private static boolean allowed(OutboundAddresses a, String ip) throws Exception {
        return a.allows(InetAddress.getByName(ip));
    }

    @Test
    void publicOnlyUnlessANetworkIsAllowed() throws Exception {
        OutboundAddresses none = new OutboundAddresses(List.of());
        for (String ip : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "fe80::1", "fd00::1", "64:ff9b::a00:1", "2002:a00:1::1")) {
            assertFalse(allowed(none, ip), ip);
        }
        for (String ip : List.of("8.8.8.8", "91.198.174.192", "2001:4860:4860::8888", "64:ff9b::808:808")) {
            assertTrue(allowed(none, ip), ip);
        }
        OutboundAddresses council = new OutboundAddresses(List.of("10.0.0.0/24", "127.0.0.1"));
        assertTrue(allowed(council, "10.0.0.5"));
        assertFalse(allowed(council, "10.0.1.5"));
        assertTrue(allowed(council, "127.0.0.1"));
        assertFalse(allowed(council, "127.0.0.2"));
        assertThrows(IllegalArgumentException.class, () -> new OutboundAddresses(List.of("intranet.local")));
        assertThrows(IllegalArgumentException.class, () -> new OutboundAddresses(List.of("10.0.0.0/40")));
    }

    @Test
    void aLocalPortalIsRefusedUnlessAllowedAndARedirectIsCheckedAgain() throws Exception {
        try (OpendataTestSetup setup = new OpendataTestSetup();
                RecordingCkan portal = new RecordingCkan("osvita", OpendataTestSetup.edrpou(2438830))) {
            CkanImportImpl refusing = new CkanImportImpl(setup.registryImpl(), setup.ckanConnection(List.of()),
                    java.time.Clock.systemUTC());
            OpendataException e = assertThrows(OpendataException.class,
                    () -> refusing.preview(setup.steward, portal.base(), "osvita", JobProgress.NONE));
            assertEquals("opendata.error.ckan.address", e.messageKey());
            assertTrue(portal.calls().isEmpty(), "nothing reached the server");

            CkanImportImpl allowing = new CkanImportImpl(setup.registryImpl(),
                    setup.ckanConnection(List.of("127.0.0.1/32")), java.time.Clock.systemUTC());
            assertEquals("osvita", allowing.preview(setup.steward, portal.base(), "osvita", JobProgress.NONE)
                    .organization());
            // the allowed server redirects to another loopback address: refused at the redirect
            portal.redirect("/api/3/action/organization_show", "http://127.0.0.2:9/api/3/action/organization_show");
            e = assertThrows(OpendataException.class,
                    () -> allowing.preview(setup.steward, portal.base(), "osvita", JobProgress.NONE));
            assertEquals("opendata.error.ckan.address", e.messageKey());
            assertTrue(e.args()[1].toString().contains("127.0.0.2"), e.args()[1].toString());
        }
    }
}
