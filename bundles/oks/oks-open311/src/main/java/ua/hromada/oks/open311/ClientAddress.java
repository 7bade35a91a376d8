package ua.hromada.oks.open311;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which client a request is counted against. The TCP peer ({@code request.getRemoteAddr()}) is
 * the client, unless it is one of the configured {@code trustedProxies}: then the
 * {@code X-Forwarded-For} list is read from its right end (the entry the trusted proxy added),
 * skipping further trusted proxies; anything left of that was written by the client and is never
 * believed. IPv6 clients count per /64 network, the block one household or phone is usually given.
 */
final class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<IpNetwork> trusted = new ArrayList<>();

    /** @param trustedProxies addresses or networks (CIDR, e.g. 10.0.0.0/8) of reverse proxies */
    ClientAddress(List<String> trustedProxies) {
        for (String entry : trustedProxies) {
            try {
                trusted.add(IpNetwork.parse(entry));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("trustedProxies: " + e.getMessage(), e);
            }
        }
    }

    /**
     * @param remoteAddr   the TCP peer as the container gives it
     * @param forwardedFor every {@code X-Forwarded-For} header value, in order (may be empty)
     * @return the name of the client's bucket: an address, or an IPv6 /64 network
     */
    String of(String remoteAddr, List<String> forwardedFor) {
        byte[] peer = literal(remoteAddr);
        if (peer == null) {
            return remoteAddr == null ? "" : remoteAddr;
        }
        byte[] client = peer;
        if (isTrusted(peer) && !forwardedFor.isEmpty()) {
            List<String> hops = new ArrayList<>();
            for (String header : forwardedFor) {
                for (String hop : header.split(",")) {
                    hops.add(hop.trim());
                }
            }
            for (int i = hops.size() - 1; i >= 0; i--) {
                byte[] hop = literal(hops.get(i));
                if (hop == null) {
                    break; // garbage where a proxy writes an address: count it against the last proxy
                }
                client = hop;
                if (!isTrusted(hop)) {
                    break;
                }
            }
        }
        return bucket(client);
    }

    private boolean isTrusted(byte[] address) {
        for (IpNetwork n : trusted) {
            if (n.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static String bucket(byte[] address) {
        try {
            if (address.length == 16) {
                byte[] network = address.clone();
                java.util.Arrays.fill(network, 8, 16, (byte) 0);
                return InetAddress.getByAddress(network).getHostAddress() + "/64";
            }
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + address.length + " bytes", e);
        }
    }

    /**
     * The bytes of an IP literal, or null when the text is not one. Only literals reach
     * {@link InetAddress#getByName}, so no name is ever looked up in DNS.
     */
    static byte[] literal(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        int zone = t.indexOf('%');
        if (zone >= 0) {
            t = t.substring(0, zone);
        }
        if (IPV4.matcher(t).matches()) {
            String[] octets = t.split("\\.");
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int v = Integer.parseInt(octets[i]);
                if (v > 255) {
                    return null;
                }
                bytes[i] = (byte) v;
            }
            return bytes;
        }
        if (!IPV6.matcher(t).matches()) {
            return null;
        }
        try {
            // in brackets the JDK takes it as an IPv6 literal or refuses it, never a host name
            byte[] bytes = InetAddress.getByName("[" + t + "]").getAddress();
            if (bytes.length == 16 && isMappedIpv4(bytes)) {
                return java.util.Arrays.copyOfRange(bytes, 12, 16);
            }
            return bytes;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean isMappedIpv4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
