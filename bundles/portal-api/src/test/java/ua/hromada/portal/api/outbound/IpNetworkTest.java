package ua.hromada.portal.api.outbound;

import static org.junit.jupiter.api.Assertions.*;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

class IpNetworkTest {

    private static InetAddress ip(String literal) {
        return IpNetwork.literal(literal).orElseThrow(() -> new AssertionError(literal + " is no literal"));
    }

    @Test
    void literalsAreStrictAndNeverLookedUp() throws Exception {
        assertEquals(InetAddress.getByName("203.0.113.7"), ip("203.0.113.7"));
        assertEquals(InetAddress.getByName("127.0.0.1"), ip("[::ffff:127.0.0.1]"), "IPv4-mapped is IPv4");
        assertEquals(InetAddress.getByName("2001:db8::1"), ip("[2001:db8::1]"), "brackets");
        assertEquals(InetAddress.getByName("fe80::1"), ip("fe80::1%eth0"), "zone id dropped");
        assertEquals(InetAddress.getByName("fe80::1"), ip(" [fe80::1%2] "));
        assertTrue(IpNetwork.literal("999.1.1.1").isEmpty());
        assertTrue(IpNetwork.literal("10.1").isEmpty(), "an abbreviated IPv4 address is not taken");
        assertTrue(IpNetwork.literal("example.org").isEmpty());
        assertTrue(IpNetwork.literal("localhost").isEmpty());
        assertTrue(IpNetwork.literal("abc:xyz").isEmpty());
        assertTrue(IpNetwork.literal("").isEmpty());
        assertTrue(IpNetwork.literal(null).isEmpty());
    }

    @Test
    void networksCoverTheirPrefix() {
        IpNetwork council = IpNetwork.parse("10.0.0.0/24");
        assertTrue(council.contains(ip("10.0.0.5")));
        assertFalse(council.contains(ip("10.0.1.5")));
        IpNetwork odd = IpNetwork.parse(" 172.16.0.0 / 12 ");
        assertTrue(odd.contains(ip("172.31.255.255")));
        assertFalse(odd.contains(ip("172.32.0.0")));
        IpNetwork one = IpNetwork.parse("127.0.0.1");
        assertTrue(one.contains(ip("127.0.0.1")));
        assertFalse(one.contains(ip("127.0.0.2")));
        assertTrue(IpNetwork.parse("0.0.0.0/0").contains(ip("8.8.8.8")));
        IpNetwork v6 = IpNetwork.parse("fe80::/10");
        assertTrue(v6.contains(ip("febf::1")));
        assertFalse(v6.contains(ip("fec0::1")));
        assertFalse(v6.contains(ip("10.0.0.1")), "IPv4 never in an IPv6 network");
        assertFalse(council.contains(ip("::a00:5")), "nor IPv6 in an IPv4 one");
        assertTrue(IpNetwork.parse("[::1]").contains(ip("::1")));
        assertEquals("10.0.0.0/24", council.toString());
        assertEquals("fe80:0:0:0:0:0:0:0/10", v6.toString());
    }

    @Test
    void refusesWhatIsNoNetworkNamingTheEntry() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IpNetwork.parse("proxy.example.org"));
        assertEquals("'proxy.example.org' is not an IP address or network", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> IpNetwork.parse("10.0.0.0/33"));
        assertEquals("'10.0.0.0/33' has an invalid prefix length", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> IpNetwork.parse("10.0.0.0/40"));
        assertThrows(IllegalArgumentException.class, () -> IpNetwork.parse("10.0.0.0/a"));
        assertThrows(IllegalArgumentException.class, () -> IpNetwork.parse("10.0.0.0/-1"));
        assertThrows(IllegalArgumentException.class, () -> IpNetwork.parse("::/129"));
        assertThrows(IllegalArgumentException.class, () -> IpNetwork.parse("intranet.local"));
        assertThrows(IllegalArgumentException.class, () -> IpNetwork.parse(""));
    }
}
