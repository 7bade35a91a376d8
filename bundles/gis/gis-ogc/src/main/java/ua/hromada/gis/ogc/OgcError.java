package ua.hromada.gis.ogc;

/**
 * A request the API refuses: 400 for a parameter it does not know or cannot read, 404 for a
 * collection, feature or address that is not there (a layer that is not public is "not there").
 * The message is a key of the bundle's texts with its arguments.
 */
final class OgcError extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int status;
    private final String messageKey;
    private final transient Object[] args;

    private OgcError(int status, String messageKey, Object... args) {
        super(status + " " + messageKey, null, false, false);
        this.status = status;
        this.messageKey = messageKey;
        this.args = args.clone();
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

    int status() {
        return status;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] args() {
        return args.clone();
    }

    /** The portal's error code and the OGC exception code of the status. */
    String portalCode() {
        return switch (status) {
        case 404 -> "not_found";
        case 405 -> "method_not_allowed";
        case 503 -> "unavailable";
        default -> "bad_request";
        };
    }

    String ogcCode() {
        return switch (status) {
        case 404 -> "NotFound";
        case 405 -> "OperationNotSupported";
        case 503 -> "ServiceUnavailable";
        default -> "InvalidParameterValue";
        };
    }
}
