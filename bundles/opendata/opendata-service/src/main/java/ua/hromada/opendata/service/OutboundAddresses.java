package ua.hromada.opendata.service;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which addresses open data may connect to when a steward types a URL (a CKAN portal, a resource
 * link): public unicast ones, and the networks configured in {@code allowed.networks}. Refused
 * otherwise: loopback, private, link-local, carrier-grade NAT, unique-local, multicast, reserved
 * and documentation ranges, so a typed URL cannot make the portal read its own machine, the
 * council's network or a cloud's metadata service. The same rule as OKS's {@code media.allowedNetworks}.
 */
final class OutboundAddresses {

    /** A network: an address and how many leading bits of it count. */
    private record Cidr(byte[] base, int bits) {
        static Cidr of(String entry) {
            String[] parts = entry.strip().split("/", 2);
            String host = parts[0].strip();
            if (!host.matches("[0-9.]+") && !host.matches("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
                throw new IllegalArgumentException("allowed.networks: '" + entry + "' is not an IP address or network");
            }
            byte[] base;
            try {
                base = InetAddress.getByName(host).getAddress(); // a literal: no lookup
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("allowed.networks: '" + entry + "' is not an IP address", e);
            }
            int bits = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : base.length * 8;
            if (bits < 0 || bits > base.length * 8) {
                throw new IllegalArgumentException("allowed.networks: '" + entry + "' has an invalid prefix length");
            }
            return new Cidr(base, bits);
        }

        boolean covers(byte[] a) {
            if (a.length != base.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((a[bit / 8] & mask) != (base[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final List<Cidr> NOT_PUBLIC = List.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10",
            "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16",
            "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/3", "::/96", "::1/128", "100::/64",
            "2001:db8::/32", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8").stream().map(Cidr::of).toList();

    private final List<Cidr> allowed;

    /** @param allowedNetworks addresses or CIDR networks allowed even when not public */
    OutboundAddresses(List<String> allowedNetworks) {
        List<Cidr> list = new ArrayList<>();
        for (String e : allowedNetworks) {
            if (e != null && !e.isBlank()) {
                try {
                    list.add(Cidr.of(e));
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException("allowed.networks: '" + e + "' has an invalid prefix length", ex);
                }
            }
        }
        allowed = List.copyOf(list);
    }

    boolean allows(InetAddress address) {
        byte[] a = address.getAddress();
        return allowed.stream().anyMatch(n -> n.covers(a)) || isPublic(address);
    }

    static boolean isPublic(InetAddress address) {
        byte[] a = address.getAddress();
        if (NOT_PUBLIC.stream().anyMatch(n -> n.covers(a))) {
            return false;
        }
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
