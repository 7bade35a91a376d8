package ua.hromada.portal.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The one permission check and error format of every HTTP API: the same permissions as the
 * views, a 401/403 JSON error instead of a login page, and {@code {"error":{"status","code",
 * "message"}}} for bad input — never a stack trace.
 */
public final class ApiResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiResponses() {
    }

    /**
     * Returns the signed-in user holding {@code permission}; otherwise writes 401 (no session) or
     * 403 (no permission) and returns empty, so the caller just returns.
     */
    public static Optional<PortalUser> requirePermission(CurrentUser currentUser, HttpServletRequest request,
            HttpServletResponse response, String permission) throws IOException {
        Optional<PortalUser> user = currentUser.fromRequest(request);
        if (user.isEmpty()) {
            error(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized",
                    "Sign in to the portal first (session cookie) or use an API key where the API accepts one.");
            return Optional.empty();
        }
        if (!user.get().hasPermission(permission)) {
            error(response, HttpServletResponse.SC_FORBIDDEN, "forbidden",
                    "The user has no permission '" + permission + "'.");
            return Optional.empty();
        }
        return user;
    }

    /** Writes a JSON error body with the given status. */
    public static void error(HttpServletResponse response, int status, String code, String message)
            throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", status);
        error.put("code", code);
        error.put("message", message);
        json(response, status, Map.of("error", error));
    }

    /** Writes any value as UTF-8 JSON. */
    public static void json(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        JSON.writeValue(response.getOutputStream(), body);
    }

    /**
     * A 500 for a failure nobody foresaw, without any detail of it: a short reference the caller can
     * quote, which the servlet logs with the failure ({@code LOG.error("… [{}]", internalError(response), e)}).
     * Nothing is written when the response is already committed.
     */
    public static String internalError(HttpServletResponse response) throws IOException {
        String reference = java.util.UUID.randomUUID().toString().substring(0, 8);
        if (!response.isCommitted()) {
            error(response, 500, "internal_error", "Internal error, reference " + reference + ".");
        }
        return reference;
    }

    /**
     * Seconds a client is asked to wait ({@code Retry-After}) before it tries again after a 503 of
     * a database that is out of reach or a pool that is busy: the one value of every module's API.
     */
    public static final int RETRY_AFTER_SECONDS = 10;

    /**
     * The answer to a failure a servlet caught: 503 with {@code Retry-After} when the database work
     * could not be done for a passing reason ({@link #databaseUnavailable}) — «Портал
     * перевантажений» ({@code "code":"busy"}) when every pooled connection stayed taken, «База даних
     * недоступна» ({@code "database_unavailable"}) when PostgreSQL cannot be reached — else
     * {@link #internalError}. Returns the reference to log with the failure.
     */
    public static String failure(HttpServletResponse response, Throwable cause) throws IOException {
        if (!databaseUnavailable(cause)) {
            return internalError(response);
        }
        String reference = java.util.UUID.randomUUID().toString().substring(0, 8);
        if (!response.isCommitted()) {
            retryLater(response, cause);
            if (databaseBusy(cause)) {
                error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "busy", "Портал перевантажений, "
                        + "спробуйте ще раз за хвилину (" + reference + "). / The portal is overloaded, try again in a minute.");
            } else {
                error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "database_unavailable",
                        "База даних недоступна, спробуйте за хвилину (" + reference + "). / The database is unavailable.");
            }
        }
        return reference;
    }

    /**
     * For an API with an error format of its own that answers 503 (CKAN, DCAT, OGC, ...): sets
     * {@code Retry-After: }{@value #RETRY_AFTER_SECONDS} when the failure is one a client may retry
     * ({@link #databaseUnavailable}) and says whether it is.
     */
    public static boolean retryLater(HttpServletResponse response, Throwable cause) {
        if (!databaseUnavailable(cause)) {
            return false;
        }
        response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        return true;
    }

    /**
     * Whether the failure is database work that could not be done for a passing reason, so a client
     * may try again: PostgreSQL out of reach (SQLSTATE class 08, connection exception, or 57P01–57P03,
     * the server shutting down, crashed or not yet accepting connections) or no pooled connection
     * free in time ({@link java.sql.SQLTransientConnectionException}, HikariCP's pool timeout).
     * Anywhere in the failure: its causes, the SQL exceptions' next exceptions (a batch's) and the
     * suppressed ones (a rollback or close that failed after it).
     */
    public static boolean databaseUnavailable(Throwable cause) {
        return DatabaseFailures.of(cause) != DatabaseFailures.Kind.OTHER;
    }

    /**
     * Whether the failure is the connection pool busy while PostgreSQL answers: every connection
     * stayed taken for the pool's whole wait (HikariCP's timeout without a connection failure
     * behind it). Overload, not an outage: the user is told the portal is overloaded.
     */
    public static boolean databaseBusy(Throwable cause) {
        return DatabaseFailures.of(cause) == DatabaseFailures.Kind.BUSY;
    }
}
