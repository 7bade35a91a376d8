package ua.hromada.gis.proxy;

import java.util.Arrays;

import ua.hromada.portal.api.http.ApiError;

/**
 * A request the proxy refuses or cannot serve, as the portal's JSON error: the status, the
 * portal's error code and a key of the bundle's texts with its arguments.
 */
final class ProxyError extends ApiError {

    private static final long serialVersionUID = 1L;

    ProxyError(int status, String messageKey, Object... args) {
        // as text: a number is shown as written (no grouping such as «4 096» in the message)
        super(status, messageKey, Arrays.stream(args).map(String::valueOf).toArray());
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
}
