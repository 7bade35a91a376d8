package ua.hromada.portal.shell.http;

import java.io.IOException;

/**
 * A write to a connection the client already closed: a tab closed while push wrote, a balancer's
 * health check that read the status and hung up, a load tool ending its run. Nobody is left to
 * answer and nothing failed on the portal's side, so it is no error to log as one.
 */
public final class ClientGone {

    private ClientGone() {
    }

    /** Jetty's EofException or the socket's own words anywhere in the cause chain. */
    public static boolean is(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getName().equals("org.eclipse.jetty.io.EofException")) {
                return true;
            }
            if (t instanceof IOException) {
                String message = String.valueOf(t.getMessage());
                if (message.contains("Broken pipe") || message.contains("Connection reset by peer")) {
                    return true;
                }
            }
        }
        return false;
    }
}
