package ua.hromada.portal.api;

import java.util.Arrays;

/**
 * A refused request: bad input, a missing right, an unknown id or a conflict. The message key and
 * arguments come from the module's resource bundle, so a view and an API show the same
 * plain-Ukrainian reason. Each module throws its own subtype ({@code OksException},
 * {@code OpendataException}) so a caller can tell whose rule refused; edges map {@link #reason()}
 * to the HTTP status or the field message.
 */
public class PortalException extends RuntimeException {

    public enum Reason {
        INVALID, FORBIDDEN, NOT_FOUND, CONFLICT
    }

    private final Reason reason;
    private final String messageKey;
    private final Object[] args;

    public PortalException(Reason reason, String messageKey, Object... args) {
        super(messageKey + (args.length == 0 ? "" : " " + Arrays.toString(args)));
        this.reason = reason;
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public Reason reason() {
        return reason;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
