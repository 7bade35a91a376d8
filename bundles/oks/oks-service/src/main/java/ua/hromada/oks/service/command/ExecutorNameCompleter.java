package ua.hromada.oks.service.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import ua.hromada.oks.api.ExecutorOrganisation;
import ua.hromada.oks.api.OksCatalog;

/** Completes oks:executor's organisation name from the executors already in the catalogue. */
@Service
public class ExecutorNameCompleter implements Completer {

    @Reference(optional = true)
    OksCatalog catalog;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        if (catalog != null) {
            catalog.executors(true).stream().map(ExecutorOrganisation::name).forEach(names.getStrings()::add);
        }
        return names.complete(session, commandLine, candidates);
    }
}
