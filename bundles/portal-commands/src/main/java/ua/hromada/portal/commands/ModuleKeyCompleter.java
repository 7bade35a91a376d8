package ua.hromada.portal.commands;

import java.util.stream.Stream;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import ua.hromada.portal.api.InstalledModules;

/** Completes portal:modules' module key from the installed modules. */
@Service
public class ModuleKeyCompleter extends ValuesCompleter {

    @Reference(optional = true)
    InstalledModules modules;

    @Override
    Stream<String> values(String typed) {
        return modules == null ? Stream.empty() : modules.list().stream().map(m -> m.key());
    }
}
