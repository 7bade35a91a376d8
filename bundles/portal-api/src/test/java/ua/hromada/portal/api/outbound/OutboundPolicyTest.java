package ua.hromada.portal.api.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

class OutboundPolicyTest {

    /** A .cfg file gives a String[] setting as one value: "10.0.0.0/8, 192.168.1.5" must list both. */
    @Test
    void oneCfgValueWithCommasListsEachNetwork() throws Exception {
        OutboundPolicy policy = OutboundPolicy.allowing("allowed.networks", List.of("10.0.0.0/8, 192.168.1.5", " "));
        assertTrue(policy.lists(InetAddress.getByName("10.20.30.40")));
        assertTrue(policy.lists(InetAddress.getByName("192.168.1.5")));
        assertFalse(policy.lists(InetAddress.getByName("192.168.1.6")));
    }

    @Test
    void separateEntriesAndNoneAreRead() throws Exception {
        assertTrue(OutboundPolicy.allowing("s", List.of("127.0.0.1", "::1")).lists(InetAddress.getByName("::1")));
        assertFalse(OutboundPolicy.allowing("s", null).lists(InetAddress.getByName("127.0.0.1")));
    }

    @Test
    void aWrongEntryAmongOthersNamesTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutboundPolicy.allowing("media.allowedNetworks", List.of("10.0.0.0/8,intranet")));
        assertTrue(e.getMessage().startsWith("media.allowedNetworks: "), e.getMessage());
        assertEquals("media.allowedNetworks", OutboundPolicy.allowing("media.allowedNetworks", List.of()).setting());
    }
}
