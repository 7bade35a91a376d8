package ua.hromada.portal.commands;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import ua.hromada.portal.api.security.Roles;

/** Completes portal:user-add's --role from the roles the portal knows. */
@Service
public class RoleCompleter implements Completer {

    @Reference(optional = true)
    Roles roles;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        if (roles != null) {
            roles.list().forEach(r -> names.getStrings().add(r.name()));
        }
        return names.complete(session, commandLine, candidates);
    }
}
