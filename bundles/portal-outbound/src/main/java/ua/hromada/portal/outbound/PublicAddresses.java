package ua.hromada.portal.outbound;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import ua.hromada.portal.api.outbound.OutboundPolicy;

/**
 * Which addresses a typed URL may reach without being listed: public unicast ones. Refused:
 * loopback, private, link-local, carrier-grade NAT, unique-local, multicast, reserved, documentation,
 * 6to4-relay and Teredo ranges, so a typed URL cannot make the portal read its own machine, the
 * council's network or a cloud's metadata service; IPv4 inside NAT64 and 6to4 addresses is judged by
 * the IPv4 rules (the JDK gives IPv4-mapped IPv6 addresses as IPv4).
 */
final class PublicAddresses {

    /** The ranges as a policy's networks: the same CIDR parsing and matching. */
    private static final OutboundPolicy NOT_PUBLIC = OutboundPolicy.allowing("not public", List.of("0.0.0.0/8",
            "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
            "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
            "224.0.0.0/3", "::/96", "::1/128", "100::/64", "2001::/32", "2001:db8::/32", "fc00::/7", "fe80::/10",
            "fec0::/10", "ff00::/8"));

    private PublicAddresses() {
    }

    /** Whether {@code policy} lets a connection go to {@code address}. */
    static boolean allowed(OutboundPolicy policy, InetAddress address) {
        return policy.lists(address) || isPublic(address);
    }

    static boolean isPublic(InetAddress address) {
        if (NOT_PUBLIC.lists(address)) {
            return false;
        }
        byte[] a = address.getAddress();
        if (address instanceof Inet6Address && a[0] == 0x00 && a[1] == 0x64 && a[2] == (byte) 0xff
                && a[3] == (byte) 0x9b) {
            return isPublic(v4(Arrays.copyOfRange(a, 12, 16))); // NAT64 carries an IPv4 address
        }
        if (address instanceof Inet6Address && a[0] == 0x20 && a[1] == 0x02) {
            return isPublic(v4(Arrays.copyOfRange(a, 2, 6))); // so does 6to4
        }
        return true;
    }

    private static InetAddress v4(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
    }
}
