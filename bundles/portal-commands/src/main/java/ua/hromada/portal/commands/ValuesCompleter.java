package ua.hromada.portal.commands;

import java.util.List;
import java.util.stream.Stream;

import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes an argument from a set of values a portal service knows (none while it is missing). */
abstract class ValuesCompleter implements Completer {

    /** The values for what is typed so far ({@code typed}, never null). */
    abstract Stream<String> values(String typed);

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        String argument = commandLine.getCursorArgument();
        String typed = argument == null ? "" : argument.substring(0, commandLine.getArgumentPosition());
        StringsCompleter strings = new StringsCompleter();
        values(typed).forEach(strings.getStrings()::add);
        return strings.complete(session, commandLine, candidates);
    }
}
