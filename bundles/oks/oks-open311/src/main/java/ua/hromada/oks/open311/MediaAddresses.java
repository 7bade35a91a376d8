package ua.hromada.oks.open311;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Which addresses a {@code media_url} may be fetched from: public unicast ones only, so a resident's
 * URL cannot make the portal read its own machine, the council's network or a cloud's metadata
 * service (loopback, private, link-local, carrier-grade NAT, unique-local, multicast, reserved and
 * documentation ranges are refused; IPv4 inside NAT64 and 6to4 addresses by the IPv4 rules, and the
 * JDK gives IPv4-mapped IPv6 addresses as IPv4); and the networks
 * {@code media.allowedNetworks} lists, e.g. the council's own media server or a test's local one.
 */
final class MediaAddresses {

    /** 224/3: multicast, reserved and broadcast. */
    private static final List<IpNetwork> REFUSED_V4 = networks("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10",
            "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24",
            "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/3");
    private static final List<IpNetwork> REFUSED_V6 = networks("::/96", "100::/64", "2001::/32",
            "2001:db8::/32", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8");
    /** IPv6 forms that carry an IPv4 address: NAT64 (its last 4 bytes) and 6to4 (bytes 2-5). */
    private static final IpNetwork NAT64 = IpNetwork.parse("64:ff9b::/96");
    private static final IpNetwork SIX_TO_FOUR = IpNetwork.parse("2002::/16");

    private final List<IpNetwork> allowed;

    /** @param allowedNetworks addresses or CIDR networks fetched from even when not public */
    MediaAddresses(List<String> allowedNetworks) {
        List<IpNetwork> list = new ArrayList<>();
        for (String entry : allowedNetworks) {
            try {
                list.add(IpNetwork.parse(entry));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("media.allowedNetworks: " + e.getMessage(), e);
            }
        }
        this.allowed = List.copyOf(list);
    }

    /** Whether a connection to {@code address} is allowed. */
    boolean allows(InetAddress address) {
        byte[] b = address.getAddress();
        for (IpNetwork n : allowed) {
            if (n.contains(b)) {
                return true;
            }
        }
        return isPublic(address);
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return REFUSED_V4.stream().noneMatch(n -> n.contains(b));
        }
        if (address instanceof Inet6Address) {
            if (REFUSED_V6.stream().anyMatch(n -> n.contains(b))) {
                return false;
            }
            if (NAT64.contains(b)) {
                return isPublicV4(java.util.Arrays.copyOfRange(b, 12, 16));
            }
            if (SIX_TO_FOUR.contains(b)) {
                return isPublicV4(java.util.Arrays.copyOfRange(b, 2, 6));
            }
            return true;
        }
        return false;
    }

    private static boolean isPublicV4(byte[] v4) {
        try {
            return isPublic(InetAddress.getByAddress(v4));
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static List<IpNetwork> networks(String... cidrs) {
        List<IpNetwork> out = new ArrayList<>();
        for (String c : cidrs) {
            out.add(IpNetwork.parse(c));
        }
        return List.copyOf(out);
    }
}
