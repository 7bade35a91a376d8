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
     * The answer to a failure a servlet caught: 503 «База даних недоступна» with Retry-After when
     * PostgreSQL cannot be reached (restarted, down: the client may try again), else
     * {@link #internalError}. Returns the reference to log with the failure.
     */
    public static String failure(HttpServletResponse response, Throwable cause) throws IOException {
        if (!databaseUnavailable(cause)) {
            return internalError(response);
        }
        String reference = java.util.UUID.randomUUID().toString().substring(0, 8);
        if (!response.isCommitted()) {
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "database_unavailable",
                    "База даних недоступна, спробуйте за хвилину (" + reference + "). / The database is unavailable.");
        }
        return reference;
    }

    private static final String RETRY_AFTER_SECONDS = "10";

    /**
     * Whether the failure is PostgreSQL out of reach: SQLSTATE class 08 (connection exception) or
     * 57P01–57P03 (the server shutting down, crashed or not yet accepting connections).
     */
    public static boolean databaseUnavailable(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }
}
