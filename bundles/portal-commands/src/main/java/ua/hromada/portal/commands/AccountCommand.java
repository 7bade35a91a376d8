package ua.hromada.portal.commands;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.security.AccountException;
import ua.hromada.portal.api.security.UserAccounts;

/** Shared part of the commands that set a password: service checks, prompt, error texts. */
abstract class AccountCommand implements Action {

    @Option(name = "--password", description = "Password (stays in the shell history: prefer the prompt)")
    String password;

    // optional: without the service the command still answers, with a clear message
    @Reference(optional = true)
    UserAccounts accounts;

    @Reference(optional = true)
    List<MessageBundle> messages;

    @Reference
    Session session;

    /** Runs with the service and the new password; prints refusals as translated texts. */
    abstract String run(Texts texts, char[] newPassword, String actor);

    /** Why the command cannot run as given (checked before the password is asked for), or null. */
    String refusal(Texts texts) {
        return null;
    }

    @Override
    public Object execute() throws Exception {
        Texts texts = new Texts(messages);
        if (accounts == null) {
            System.err.println(texts.get("cmd.accounts.missing"));
            return null;
        }
        String refusal = refusal(texts);
        if (refusal != null) {
            System.err.println(refusal);
            return null;
        }
        char[] pw = password != null ? password.toCharArray() : PasswordPrompt.readTwice(session, texts);
        if (pw == null) {
            return null;
        }
        try {
            System.out.println(run(texts, pw, PasswordPrompt.actor(session)));
        } catch (AccountException e) {
            System.err.println(texts.get(e.messageKey()) + " (" + e.getMessage() + ")");
        }
        return null;
    }
}
