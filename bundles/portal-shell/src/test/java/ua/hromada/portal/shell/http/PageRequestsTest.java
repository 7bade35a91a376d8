package ua.hromada.portal.shell.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PageRequestsTest {

    @Test
    void pageLoadsAreGetsOfPageAddresses() {
        assertTrue(PageRequests.isPageNavigation("GET", "/", null));
        assertTrue(PageRequests.isPageNavigation("GET", "/dokumenty", "q=x"));
        assertTrue(PageRequests.isPageNavigation("HEAD", "/no/such/page", null));
        assertTrue(PageRequests.isPageNavigation("GET", "/dokumenty", "a=1&xv-r=init"));
    }

    @Test
    void vaadinRequestsResourcesAndWritesAreNot() {
        assertFalse(PageRequests.isPageNavigation("GET", "/", "v-r=init&location=dokumenty"));
        assertFalse(PageRequests.isPageNavigation("GET", "/", "location=x&v-r=heartbeat"));
        assertFalse(PageRequests.isPageNavigation("POST", "/", "v-r=uidl"));
        assertFalse(PageRequests.isPageNavigation("POST", "/dokumenty", null));
        assertFalse(PageRequests.isPageNavigation("GET", "/VAADIN/build/indexhtml.js", null));
        assertFalse(PageRequests.isPageNavigation("GET", "/VAADIN/dynamic/resource/0/x", null));
        assertFalse(PageRequests.isPageNavigation("GET", "/sw.js", null));
        assertFalse(PageRequests.isPageNavigation("GET", "/icons/icon-192.png", null));
        assertFalse(PageRequests.isPageNavigation("GET", "/api/unknown", null));
    }
}
