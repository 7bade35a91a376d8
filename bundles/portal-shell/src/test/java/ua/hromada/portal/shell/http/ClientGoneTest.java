package ua.hromada.portal.shell.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;

/** A client that hung up while its answer was written is no error of the portal; everything else still is. */
class ClientGoneTest {

    @Test
    void brokenPipeAndResetAnywhereInTheCauseChainMeanTheClientLeft() {
        assertTrue(ClientGone.is(new IOException("Broken pipe")));
        assertTrue(ClientGone.is(new RuntimeException(new UncheckedIOException(new IOException("Connection reset by peer")))));
    }

    @Test
    void otherFailuresStayErrors() {
        assertFalse(ClientGone.is(new IllegalStateException("Broken pipe")));
        assertFalse(ClientGone.is(new IOException("disk full")));
        assertFalse(ClientGone.is(new NullPointerException()));
        assertFalse(ClientGone.is(null));
    }
}
