package ua.hromada.gis.ogc;

import ua.hromada.portal.api.http.ApiError;

/**
 * A request the API refuses: 400 for a parameter it does not know or cannot read, 404 for a
 * collection, feature or address that is not there (a layer that is not public is "not there").
 * The message is a key of the bundle's texts with its arguments.
 */
final class OgcError extends ApiError {

    private static final long serialVersionUID = 1L;

    private OgcError(int status, String messageKey, Object... args) {
        super(status, messageKey, args);
    }

    /** Another status: 405 a method other than reading, 503 a failure of the service behind. */
    static OgcError of(int status, String messageKey, Object... args) {
        return new OgcError(status, messageKey, args);
    }

    static OgcError badRequest(String messageKey, Object... args) {
        return new OgcError(400, messageKey, args);
    }

    static OgcError notFound(String messageKey, Object... args) {
        return new OgcError(404, messageKey, args);
    }

    /** The OGC exception code of the status, beside the portal's {@link #code()}. */
    String ogcCode() {
        return switch (status()) {
        case 404 -> "NotFound";
        case 405 -> "OperationNotSupported";
        case 503 -> "ServiceUnavailable";
        default -> "InvalidParameterValue";
        };
    }
}
