package ua.hromada.portal.api.outbound;

import java.io.IOException;

/** An exchange {@link OutboundHttp} refused: the address was not connected to, or the answer was too large. */
public class OutboundRefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /** not an http(s) address with a host, or one with a user name */
        NOT_HTTP,
        /** the host resolves to a private, loopback, link-local or reserved address not allowed */
        NOT_PUBLIC,
        /** more redirects than allowed, or a redirect to an invalid address */
        REDIRECTS,
        /** the answer's body is larger than the policy allows */
        TOO_LARGE
    }

    private final String host;
    private final Reason reason;

    public OutboundRefusedException(String host, Reason reason, String message) {
        super(message);
        this.host = host;
        this.reason = reason;
    }

    /** The host of the refused address. */
    public String host() {
        return host;
    }

    public Reason reason() {
        return reason;
    }
}
