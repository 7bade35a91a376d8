package ua.hromada.portal.shell.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;

/** A client that went away while push wrote to it is no UI error; everything else still is. */
class ClientGoneTest {

    @Test
    void brokenPipeAndResetAnywhereInTheCauseChainMeanTheClientLeft() {
        assertTrue(ShellApplication.isClientGone(new IOException("Broken pipe")));
        assertTrue(ShellApplication.isClientGone(
                new RuntimeException(new UncheckedIOException(new IOException("Connection reset by peer")))));
    }

    @Test
    void otherFailuresStayErrors() {
        assertFalse(ShellApplication.isClientGone(new IllegalStateException("Broken pipe")));
        assertFalse(ShellApplication.isClientGone(new IOException("disk full")));
        assertFalse(ShellApplication.isClientGone(new NullPointerException()));
    }
}
