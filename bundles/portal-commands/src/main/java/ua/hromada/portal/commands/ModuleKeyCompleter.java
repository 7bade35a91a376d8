package ua.hromada.portal.commands;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import ua.hromada.portal.api.InstalledModules;

/** Completes portal:modules' module key from the installed modules. */
@Service
public class ModuleKeyCompleter implements Completer {

    @Reference(optional = true)
    InstalledModules modules;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter keys = new StringsCompleter();
        if (modules != null) {
            modules.list().forEach(m -> keys.getStrings().add(m.key()));
        }
        return keys.complete(session, commandLine, candidates);
    }
}
