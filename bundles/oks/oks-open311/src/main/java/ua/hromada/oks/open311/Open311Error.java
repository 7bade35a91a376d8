package ua.hromada.oks.open311;

/**
 * A request this API refuses: the HTTP status the spec asks for (400 malformed, 403 api_key,
 * 404 unknown resource) and the message key of the Ukrainian description shown to the resident.
 */
public class Open311Error extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int status;
    private final String messageKey;
    private final transient Object[] args;

    public Open311Error(int status, String messageKey, Object... args) {
        super(status + " " + messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public static Open311Error badRequest(String messageKey, Object... args) {
        return new Open311Error(400, messageKey, args);
    }

    public static Open311Error notFound(String messageKey, Object... args) {
        return new Open311Error(404, messageKey, args);
    }

    public int status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
