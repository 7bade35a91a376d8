package ua.hromada.portal.commands;

import java.util.stream.Stream;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import ua.hromada.portal.api.security.UserAccounts;

/** Completes portal:user-passwd's user from the portal's user names (those starting with what is typed). */
@Service
public class UsernameCompleter extends ValuesCompleter {

    /** Enough for a council's staff; a longer list is no help at a prompt. */
    private static final int MAX = 200;

    @Reference(optional = true)
    UserAccounts accounts;

    @Override
    Stream<String> values(String typed) {
        return accounts == null ? Stream.empty() : accounts.list(typed, 0, MAX).stream().map(a -> a.username());
    }
}
