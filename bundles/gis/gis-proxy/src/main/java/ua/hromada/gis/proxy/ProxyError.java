package ua.hromada.gis.proxy;

/**
 * A request the proxy refuses or cannot serve, as the portal's JSON error: the status, the
 * portal's error code and a key of the bundle's texts with its arguments.
 */
final class ProxyError extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int status;
    private final String messageKey;
    private final transient Object[] args;

    ProxyError(int status, String messageKey, Object... args) {
        super(status + " " + messageKey, null, false, false);
        this.status = status;
        this.messageKey = messageKey;
        // as text: a number is shown as written (no grouping such as «4 096» in the message)
        this.args = java.util.Arrays.stream(args).map(String::valueOf).toArray();
    }

    static ProxyError badRequest(String messageKey, Object... args) {
        return new ProxyError(400, messageKey, args);
    }

    static ProxyError notFound(String messageKey, Object... args) {
        return new ProxyError(404, messageKey, args);
    }

    /** The external service answered with something that is not a map image. */
    static ProxyError badGateway(String messageKey, Object... args) {
        return new ProxyError(502, messageKey, args);
    }

    int status() {
        return status;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] args() {
        return args.clone();
    }

    String code() {
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
