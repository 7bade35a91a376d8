package ua.hromada.portal.api.outbound;

import java.net.InetAddress;
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
    private final List<IpNetwork> networks;
    private final Duration connectTimeout;
    private final Duration timeout;
    private final int maxRedirects;
    private final long maxBytes;

    private OutboundPolicy(String setting, List<IpNetwork> networks, Duration connectTimeout, Duration timeout,
            int maxRedirects, long maxBytes) {
        this.setting = setting;
        this.networks = networks;
        this.connectTimeout = connectTimeout;
        this.timeout = timeout;
        this.maxRedirects = maxRedirects;
        this.maxBytes = maxBytes;
    }

    /**
     * Public addresses and {@code allowedNetworks} (IP addresses or CIDR networks as
     * {@link IpNetwork#parse} reads them; an entry may hold several separated by commas, as a
     * {@code .cfg} file gives a list setting in one value; blank ones are skipped); 10 s to connect,
     * 60 s for an answer, 5 redirects, no size limit.
     *
     * @param setting the caller's setting that lists the networks, named in refusals
     * @throws IllegalArgumentException naming the setting and the entry that is not an address or network
     */
    public static OutboundPolicy allowing(String setting, Collection<String> allowedNetworks) {
        List<IpNetwork> list = new ArrayList<>();
        for (String entry : allowedNetworks == null ? List.<String>of() : allowedNetworks) {
            for (String one : entry == null ? new String[0] : entry.split(",")) {
                if (!one.isBlank()) {
                    list.add(parse(setting, one.strip()));
                }
            }
        }
        return new OutboundPolicy(Objects.requireNonNull(setting), List.copyOf(list), Duration.ofSeconds(10), null, 5,
                Long.MAX_VALUE);
    }

    private static IpNetwork parse(String setting, String entry) {
        try {
            return IpNetwork.parse(entry);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code address} is in one of the allowed networks (public addresses are allowed anyway). */
    public boolean lists(InetAddress address) {
        return networks.stream().anyMatch(n -> n.contains(address));
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
