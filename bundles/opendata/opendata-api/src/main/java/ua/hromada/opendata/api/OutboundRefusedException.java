package ua.hromada.opendata.api;

import java.io.IOException;

/** An outbound address refused by {@link OutboundRequests}: nothing was sent to it. */
public class OutboundRefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Why the address was refused. */
    public enum Reason {
        /** not an http(s) address with a host, or one with a user name */
        NOT_HTTP,
        /** the host resolves to a private, loopback, link-local or reserved address not allowed */
        NOT_PUBLIC,
        /** more redirects than allowed, or a redirect to an invalid address */
        REDIRECTS
    }

    private final String host;
    private final Reason reason;

    public OutboundRefusedException(String host, Reason reason, String message) {
        super(message);
        this.host = host;
        this.reason = reason;
    }

    public String host() {
        return host;
    }

    public Reason reason() {
        return reason;
    }
}
