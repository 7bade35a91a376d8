package ua.hromada.oks.open311;

import ua.hromada.portal.api.http.ApiError;

/**
 * A request this API refuses: the HTTP status the spec asks for (400 malformed, 403 api_key,
 * 404 unknown resource) and the message key of the Ukrainian description shown to the resident.
 */
public class Open311Error extends ApiError {

    private static final long serialVersionUID = 1L;

    public Open311Error(int status, String messageKey, Object... args) {
        super(status, messageKey, args);
    }

    public static Open311Error badRequest(String messageKey, Object... args) {
        return new Open311Error(400, messageKey, args);
    }

    public static Open311Error notFound(String messageKey, Object... args) {
        return new Open311Error(404, messageKey, args);
    }
}
