package ua.hromada.portal.api.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A caller's rules for {@link OutboundHttp}: the networks it may reach besides public addresses
 * (its own setting, e.g. open data's {@code allowed.networks}), and its bounds. Immutable; the
 * {@code with} methods give a changed copy.
 */
public final class OutboundPolicy {
    private final String setting;
    private final List<Network> networks;
    private final Duration connectTimeout;
    private final Duration timeout;
    private final int maxRedirects;
    private final long maxBytes;

    /** An address and how many of its leading bits count (CIDR). */
    private record Network(byte[] base, int bits) {
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

    private OutboundPolicy(String setting, List<Network> networks, Duration connectTimeout, Duration timeout,
            int maxRedirects, long maxBytes) {
        this.setting = setting;
        this.networks = networks;
        this.connectTimeout = connectTimeout;
        this.timeout = timeout;
        this.maxRedirects = maxRedirects;
        this.maxBytes = maxBytes;
    }

    /**
     * Public addresses and {@code allowedNetworks} (IP addresses or CIDR networks; blank entries are
     * skipped); 10 s to connect, 60 s for an answer, 5 redirects, no size limit.
     *
     * @param setting the caller's setting that lists the networks, named in refusals
     * @throws IllegalArgumentException naming the setting and the entry that is not an address or network
     */
    public static OutboundPolicy allowing(String setting, Collection<String> allowedNetworks) {
        List<Network> list = new ArrayList<>();
        for (String entry : allowedNetworks == null ? List.<String>of() : allowedNetworks) {
            if (entry != null && !entry.isBlank()) {
                list.add(parse(setting, entry));
            }
        }
        return new OutboundPolicy(Objects.requireNonNull(setting), List.copyOf(list), Duration.ofSeconds(10), null, 5,
                Long.MAX_VALUE);
    }

    private static Network parse(String setting, String entry) {
        String[] parts = entry.strip().split("/", 2);
        String host = parts[0].strip();
        // a literal only: a name here would be looked up, and a list of names is no list of networks
        if (!host.matches("[0-9.]+") && !host.matches("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            throw new IllegalArgumentException(setting + ": '" + entry + "' is not an IP address or network");
        }
        byte[] base;
        try {
            base = InetAddress.getByName(host).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(setting + ": '" + entry + "' is not an IP address", e);
        }
        int bits = base.length * 8;
        if (parts.length == 2) {
            try {
                bits = Integer.parseInt(parts[1].strip());
            } catch (NumberFormatException e) {
                bits = -1;
            }
        }
        if (bits < 0 || bits > base.length * 8) {
            throw new IllegalArgumentException(setting + ": '" + entry + "' has an invalid prefix length");
        }
        return new Network(base, bits);
    }

    /** Whether {@code address} is in one of the allowed networks (public addresses are allowed anyway). */
    public boolean lists(InetAddress address) {
        byte[] a = address.getAddress();
        return networks.stream().anyMatch(n -> n.covers(a));
    }

    /** The setting that lists the allowed networks. */
    public String setting() {
        return setting;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** The whole exchange's limit (all hops, head and body), or null: only the request's timeout bounds it. */
    public Duration timeout() {
        return timeout;
    }

    public int maxRedirects() {
        return maxRedirects;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public OutboundPolicy withConnectTimeout(Duration value) {
        return new OutboundPolicy(setting, networks, positive(value), timeout, maxRedirects, maxBytes);
    }

    /** One limit for the whole exchange: every hop, the heads and the body. */
    public OutboundPolicy withTimeout(Duration value) {
        return new OutboundPolicy(setting, networks, connectTimeout, positive(value), maxRedirects, maxBytes);
    }

    /** 0: a redirect is answered as it is, not followed. */
    public OutboundPolicy withMaxRedirects(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("maxRedirects < 0");
        }
        return new OutboundPolicy(setting, networks, connectTimeout, timeout, value, maxBytes);
    }

    public OutboundPolicy withMaxBytes(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("maxBytes < 0");
        }
        return new OutboundPolicy(setting, networks, connectTimeout, timeout, maxRedirects, value);
    }

    private static Duration positive(Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("a timeout must be positive");
        }
        return d;
    }
}
