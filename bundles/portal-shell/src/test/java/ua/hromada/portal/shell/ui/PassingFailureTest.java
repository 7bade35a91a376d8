package ua.hromada.portal.shell.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ua.hromada.portal.shell.core.ShellMessages;

/** What a user is told when a view or an action failed because the database could not do its work. */
class PassingFailureTest {

    private final ShellMessages messages = new ShellMessages();

    @Test
    void aBusyPoolIsOverloadInUkrainian() {
        // as a module's read meets HikariCP's timeout: "OKS database error" around it, no SQLSTATE
        IllegalStateException failure = new IllegalStateException("OKS database error",
                new SQLTransientConnectionException("hromada - Connection is not available, request timed out after 30000ms."));
        Optional<String> key = PassingFailure.messageKey(failure);
        assertEquals(Optional.of("error.busy"), key);
        assertEquals("Портал перевантажений, спробуйте ще раз за хвилину. Ваші збережені дані не втрачено. "
                + "Код для звернення: ab12cd34", messages.getTranslation(key.get(), new Locale("uk"), "ab12cd34"));
        assertTrue(messages.getTranslation(key.get(), Locale.ENGLISH, "x").startsWith("The portal is overloaded"));
    }

    @Test
    void postgresqlAwayIsTheDatabaseUnavailable() {
        IllegalStateException failure = new IllegalStateException("open data database error",
                new SQLException("Connection to 127.0.0.1:5432 refused.", "08001"));
        assertEquals(Optional.of("error.databaseUnavailable"), PassingFailure.messageKey(failure));
        assertTrue(messages.getTranslation("error.databaseUnavailable", new Locale("uk"), "x")
                .startsWith("База даних тимчасово недоступна"));
    }

    @Test
    void anyOtherFailureStaysUnexpected() {
        assertEquals(Optional.empty(), PassingFailure.messageKey(new IllegalStateException("OKS database error",
                new SQLException("null value in column", "23502"))));
        assertEquals(Optional.empty(), PassingFailure.messageKey(new NullPointerException()));
    }
}
