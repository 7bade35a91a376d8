package ua.hromada.portal.api.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IP network written in a setting (an address and a prefix length, CIDR: {@code 10.0.0.0/8},
 * {@code fd00::/8}, or one address) and whether an address lies inside it. The portal's one parser
 * for such lists: the networks an {@link OutboundPolicy} allows, Open311's trusted proxies.
 * Immutable.
 */
public final class IpNetwork {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final byte[] address;
    private final int prefix;

    private IpNetwork(byte[] address, int prefix) {
        this.address = address;
        this.prefix = prefix;
    }

    /**
     * An IP literal ({@link #literal}) or one with {@code /prefix}.
     *
     * @throws IllegalArgumentException naming the entry when it is neither (a host name included:
     *                                  a list of names is no list of networks)
     */
    public static IpNetwork parse(String entry) {
        String[] parts = entry.trim().split("/", 2);
        InetAddress base = literal(parts[0])
                .orElseThrow(() -> new IllegalArgumentException("'" + entry + "' is not an IP address or network"));
        byte[] bytes = base.getAddress();
        int prefix = bytes.length * 8;
        if (parts.length == 2) {
            try {
                prefix = Integer.parseInt(parts[1].trim());
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("'" + entry + "' has an invalid prefix length");
            }
        }
        return new IpNetwork(bytes, prefix);
    }

    /**
     * The address an IP literal writes, or empty when the text is not one: four decimal octets (each
     * at most 255, nothing shorter), or IPv6, either in brackets, IPv6 with or without a zone id
     * ({@code %eth0}, dropped). An IPv4-mapped IPv6 address is its IPv4 address. Only literals reach
     * {@link InetAddress#getByName}, so no name is ever looked up in DNS.
     */
    public static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        int zone = t.indexOf('%');
        if (zone >= 0) {
            t = t.substring(0, zone);
        }
        try {
            if (IPV4.matcher(t).matches()) {
                String[] octets = t.split("\\.");
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int v = Integer.parseInt(octets[i]);
                    if (v > 255) {
                        return Optional.empty();
                    }
                    bytes[i] = (byte) v;
                }
                return Optional.of(InetAddress.getByAddress(bytes));
            }
            if (!IPV6.matcher(t).matches()) {
                return Optional.empty();
            }
            // in brackets the JDK takes it as an IPv6 literal or refuses it, never a host name; it
            // gives an IPv4-mapped address as IPv4
            return Optional.of(InetAddress.getByName("[" + t + "]"));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code candidate} lies in this network (an IPv4 address never in an IPv6 network). */
    public boolean contains(InetAddress candidate) {
        byte[] a = candidate.getAddress();
        if (a.length != address.length) {
            return false;
        }
        int bits = prefix;
        for (int i = 0; i < address.length && bits > 0; i++, bits -= 8) {
            int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
            if ((address[i] & mask) != (a[i] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** {@code address/prefix}, the address as the JDK writes it. */
    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(address).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // 4 or 16 bytes are always an address
        }
    }
}
