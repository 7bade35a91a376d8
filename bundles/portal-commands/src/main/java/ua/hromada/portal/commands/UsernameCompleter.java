package ua.hromada.portal.commands;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import ua.hromada.portal.api.security.UserAccounts;

/** Completes portal:user-passwd's user from the portal's user names (those starting with what is typed). */
@Service
public class UsernameCompleter implements Completer {

    /** Enough for a council's staff; a longer list is no help at a prompt. */
    private static final int MAX = 200;

    @Reference(optional = true)
    UserAccounts accounts;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        if (accounts != null) {
            String typed = commandLine.getCursorArgument() == null ? ""
                    : commandLine.getCursorArgument().substring(0, commandLine.getArgumentPosition());
            accounts.list(typed, 0, MAX).forEach(a -> names.getStrings().add(a.username()));
        }
        return names.complete(session, commandLine, candidates);
    }
}
