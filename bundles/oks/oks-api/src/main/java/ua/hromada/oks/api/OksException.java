package ua.hromada.oks.api;

import java.util.Arrays;

/**
 * A refused request: bad input or a transition the workflow or the user's role does not allow.
 * The message key and arguments come from the module's resource bundle, so the UI and the APIs
 * show the same plain-Ukrainian reason.
 */
public class OksException extends RuntimeException {

    public enum Reason {
        INVALID, FORBIDDEN, NOT_FOUND, CONFLICT
    }

    private final Reason reason;
    private final String messageKey;
    private final Object[] args;

    public OksException(Reason reason, String messageKey, Object... args) {
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
