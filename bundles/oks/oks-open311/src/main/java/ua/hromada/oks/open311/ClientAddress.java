package ua.hromada.oks.open311;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ua.hromada.portal.api.outbound.IpNetwork;

/**
 * Which client a request is counted against. The TCP peer ({@code request.getRemoteAddr()}) is
 * the client, unless it is one of the configured {@code trustedProxies}: then the
 * {@code X-Forwarded-For} list is read from its right end (the entry the trusted proxy added),
 * skipping further trusted proxies; anything left of that was written by the client and is never
 * believed. IPv6 clients count per /64 network, the block one household or phone is usually given.
 */
final class ClientAddress {

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
        InetAddress peer = IpNetwork.literal(remoteAddr).orElse(null);
        if (peer == null) {
            return remoteAddr == null ? "" : remoteAddr;
        }
        InetAddress client = peer;
        if (isTrusted(peer) && !forwardedFor.isEmpty()) {
            List<String> hops = new ArrayList<>();
            for (String header : forwardedFor) {
                for (String hop : header.split(",")) {
                    hops.add(hop.trim());
                }
            }
            for (int i = hops.size() - 1; i >= 0; i--) {
                InetAddress hop = IpNetwork.literal(hops.get(i)).orElse(null);
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

    private boolean isTrusted(InetAddress address) {
        for (IpNetwork n : trusted) {
            if (n.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static String bucket(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] network = address.getAddress();
        Arrays.fill(network, 8, 16, (byte) 0);
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are always an address", e);
        }
    }
}
