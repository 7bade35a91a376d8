package ua.hromada.gis.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ua.hromada.portal.api.outbound.OutboundPolicy;
import ua.hromada.portal.testing.ShippedConfig;

/** allowed.networks of ua.hromada.gis.mapservers.cfg as the capabilities reader and the image proxy get it. */
class GisMapServersTest {

    private static OutboundPolicy policy(Map<String, ?> settings) {
        return new GisMapServersImpl(ShippedConfig.as(MapServersConfig.class, settings)).policy();
    }

    @Test
    void theShippedFileAllowsPublicServersOnly() throws Exception {
        OutboundPolicy shipped = new GisMapServersImpl(ShippedConfig.as(MapServersConfig.class,
                ShippedConfig.read(MapServersConfig.PID))).policy();
        assertEquals("allowed.networks", shipped.setting());
        for (String ip : new String[] {"10.0.0.5", "127.0.0.1", "192.168.1.1", "::1"}) {
            assertFalse(shipped.lists(InetAddress.getByName(ip)), ip);
        }
    }

    @Test
    void aCommaSeparatedListAsTheCfgFileGivesIt() throws Exception {
        OutboundPolicy council = policy(Map.of("allowed.networks", "10.0.0.0/24, 192.168.5.7,fd00::/8"));
        assertTrue(council.lists(InetAddress.getByName("10.0.0.9")));
        assertFalse(council.lists(InetAddress.getByName("10.0.1.9")));
        assertTrue(council.lists(InetAddress.getByName("192.168.5.7")));
        assertFalse(council.lists(InetAddress.getByName("192.168.5.8")));
        assertTrue(council.lists(InetAddress.getByName("fd12::1")));
        // as an array (Config Admin, a typed .config file): each element, split the same way
        OutboundPolicy typed = new GisMapServersImpl(List.of("10.0.0.0/24", "127.0.0.1, "))
                .policy();
        assertTrue(typed.lists(InetAddress.getByName("127.0.0.1")));
        assertTrue(typed.lists(InetAddress.getByName("10.0.0.1")));
    }

    @Test
    void anEntryThatIsNoNetworkStopsTheComponentNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> policy(Map.of("allowed.networks", "10.0.0.0/24, maps.council.local")));
        assertEquals("allowed.networks: 'maps.council.local' is not an IP address or network", e.getMessage());
    }
}
