package ua.hromada.opendata.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import ua.hromada.opendata.api.OpendataException;
import ua.hromada.portal.api.jobs.JobProgress;

/**
 * The CKAN import and publication refuse a portal on an address open data's {@code allowed.networks}
 * does not admit before any request reaches it, and check a redirect's target again (the address
 * rules themselves: portal-outbound's OutboundHttpImplTest).
 */
class CkanAddressesTest {

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
