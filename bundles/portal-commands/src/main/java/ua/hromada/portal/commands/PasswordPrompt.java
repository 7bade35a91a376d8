package ua.hromada.portal.commands;

import java.io.IOException;

import org.apache.karaf.shell.api.console.Session;

/** Reads a new password twice with the input masked. */
final class PasswordPrompt {
    private PasswordPrompt() {
    }

    /** @return the password, or null when the two entries differ (message already printed) */
    static char[] readTwice(Session session, Texts texts) throws IOException {
        String first;
        String second;
        try {
            first = session.readLine(texts.get("cmd.password.prompt"), '*');
            second = session.readLine(texts.get("cmd.password.repeat"), '*');
        } catch (UnsupportedOperationException e) {
            // batch mode (bin/client -b, scripts) has no prompt
            System.err.println(texts.get("cmd.password.noPrompt"));
            return null;
        }
        if (first == null || !first.equals(second)) {
            System.err.println(texts.get("cmd.password.mismatch"));
            return null;
        }
        return first.toCharArray();
    }

    /** Who the audit log should name: the console user. */
    static String actor(Session session) {
        Object user = session == null ? null : session.get("USER");
        return "console:" + (user == null ? "karaf" : user);
    }
}
