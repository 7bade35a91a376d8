package ua.hromada.portal.api.http;

/**
 * A refusal of a module's HTTP API, thrown and answered inside its servlet: the HTTP status, a
 * message key of the module's texts with its arguments, and {@link #code()}, the portal's error code
 * of the status for the JSON error ({@code {"error":{"status","code","message"}}}). It only carries
 * the answer back to the servlet, so it records no stack trace. A module extends it with its own
 * factories ({@code badRequest}, {@code notFound}) and any code of its protocol.
 */
public class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int status;
    private final String messageKey;
    private final transient Object[] args;

    public ApiError(int status, String messageKey, Object... args) {
        super(status + " " + messageKey, null, false, false);
        this.status = status;
        this.messageKey = messageKey;
        this.args = args.clone();
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

    /** The portal's error code of the status ({@code bad_request} for a status without one of its own). */
    public String code() {
        return switch (status) {
        case 401 -> "unauthorized";
        case 403 -> "forbidden";
        case 404 -> "not_found";
        case 405 -> "method_not_allowed";
        case 502 -> "bad_gateway";
        case 503 -> "unavailable";
        case 504 -> "gateway_timeout";
        default -> "bad_request";
        };
    }
}
