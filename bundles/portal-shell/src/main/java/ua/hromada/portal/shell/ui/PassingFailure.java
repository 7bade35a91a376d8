package ua.hromada.portal.shell.ui;

import java.util.Optional;

import ua.hromada.portal.api.ApiResponses;

/**
 * A failure the user can only wait out — the connection pool busy under load, PostgreSQL restarting
 * — told as what it is («Портал перевантажений…») instead of an unexpected error; the same
 * classification as the APIs' 503 ({@link ApiResponses#databaseUnavailable}).
 */
public final class PassingFailure {

    private PassingFailure() {
    }

    /** The message key (with the reference as {0}) for such a failure; empty for any other. */
    public static Optional<String> messageKey(Throwable failure) {
        if (ApiResponses.databaseBusy(failure)) {
            return Optional.of("error.busy");
        }
        return ApiResponses.databaseUnavailable(failure) ? Optional.of("error.databaseUnavailable") : Optional.empty();
    }
}
