package ua.hromada.portal.commands;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import ua.hromada.portal.api.PortalException;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.api.community.CommunityAdministration;
import ua.hromada.portal.api.MessageBundle;

/**
 * {@code portal:community-add <id> [-h host]... [-m module]... [-n name]}: a new community, served at
 * once (its file appears in etc/), no restart. An existing one is changed in its file.
 */
@Service
@Command(scope = "portal", name = "community-add", description = "Adds a community the portal serves (no restart)")
public class CommunityAddCommand implements Action {

    static final String NAME_SETTING = "ua.hromada.portal/community.name";

    // optional: the command must answer clearly even when the communities bundle is not running
    @Reference(optional = true)
    CommunityAdministration administration;

    @Reference(optional = true)
    Communities communities;

    @Reference(optional = true)
    List<MessageBundle> messages;

    @Argument(index = 0, name = "id", required = true,
            description = "2-40 characters: a-z 0-9 - (stays in every row of the community)")
    String id;

    @Option(name = "-h", aliases = "--host", multiValued = true,
            description = "Host name that opens this community; repeat for several")
    List<String> hosts;

    @Option(name = "-m", aliases = "--module", multiValued = true,
            description = "Module enabled for it; repeat for several (none: every module)")
    @Completion(ModuleKeyCompleter.class)
    List<String> modules;

    @Option(name = "-n", aliases = "--name", description = "Its name as the portal shows it (default: the id)")
    String name;

    // Karaf reads options only before the first argument; "community-add <id> -h host" is read here
    @Argument(index = 1, name = "options", multiValued = true,
            description = "-h host, -m module, -n name may also follow the id")
    List<String> trailing;

    @Override
    public Object execute() {
        Texts texts = new Texts(messages);
        if (administration == null || communities == null) {
            System.err.println(texts.get("cmd.communities.missing"));
            return null;
        }
        if (!readTrailing(texts)) {
            return null;
        }
        if (communities.find(id).isPresent()) {
            System.err.println(texts.get("cmd.community.exists", id));
            return null;
        }
        Map<String, String> settings = name == null || name.isBlank() ? Map.of() : Map.of(NAME_SETTING, name.strip());
        try {
            Community saved = administration.save(new Community(id, hosts == null ? List.of() : hosts,
                    modules == null ? new LinkedHashSet<>() : new LinkedHashSet<>(modules), settings));
            System.out.println(texts.get("cmd.community.added", saved.id(), saved.name(),
                    saved.hosts().isEmpty() ? "-" : String.join(", ", saved.hosts()),
                    saved.modules().isEmpty() ? texts.get("cmd.communities.allModules")
                            : String.join(", ", saved.modules().stream().sorted().toList())));
        } catch (PortalException e) {
            System.err.println(texts.get(e.messageKey(), e.args()));
        }
        return null;
    }

    /** The options given after the id, in pairs; false (with the reason printed) for anything else. */
    private boolean readTrailing(Texts texts) {
        if (trailing == null) {
            return true;
        }
        hosts = hosts == null ? new ArrayList<>() : new ArrayList<>(hosts);
        modules = modules == null ? new ArrayList<>() : new ArrayList<>(modules);
        for (int i = 0; i < trailing.size(); i += 2) {
            String option = trailing.get(i);
            if (i + 1 >= trailing.size()) {
                System.err.println(texts.get("cmd.community.optionValue", option));
                return false;
            }
            String value = trailing.get(i + 1);
            switch (option) {
                case "-h", "--host" -> hosts.add(value);
                case "-m", "--module" -> modules.add(value);
                case "-n", "--name" -> name = value;
                default -> {
                    System.err.println(texts.get("cmd.community.option", option));
                    return false;
                }
            }
        }
        return true;
    }
}
