package ua.hromada.opendata.api;

import java.util.Arrays;

/**
 * A refused request (bad input, a missing right, an unknown id, a conflict). The message key and
 * arguments come from the module's resource bundle, so views and APIs show the same reason.
 */
public class OpendataException extends RuntimeException {

    public enum Reason {
        INVALID, FORBIDDEN, NOT_FOUND, CONFLICT
    }

    private final Reason reason;
    private final String messageKey;
    private final Object[] args;

    public OpendataException(Reason reason, String messageKey, Object... args) {
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
