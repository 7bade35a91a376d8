package ua.hromada.oks.service.command;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import ua.hromada.oks.api.ExecutorOrganisation;
import ua.hromada.oks.api.OksCatalog;
import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.OksPermissions;
import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.community.Communities;

/**
 * oks:executor — creates or updates an executor organisation and its members from the console
 * (first setup by an administrator, scripted provisioning of another community): in the default
 * community, or the one named with --community.
 */
@Service
@Command(scope = "oks", name = "executor", description = "Creates or updates an OKS executor organisation")
public class ExecutorCommand implements Action {

    @Reference(optional = true)
    OksCatalog catalog;

    @Reference(optional = true)
    Communities communities;

    @Option(name = "--community", description = "Id of the community the organisation belongs to (default: the default one)")
    String community;

    @Option(name = "--email", description = "E-mail for notices of new violations")
    String email;

    @Option(name = "--phone", description = "Phone")
    String phone;

    @Argument(index = 0, name = "name", required = true, description = "Organisation name")
    @Completion(ExecutorNameCompleter.class)
    String name;

    @Argument(index = 1, name = "members", multiValued = true, description = "Portal usernames of its executors")
    @Completion(UsernameCompleter.class)
    List<String> members;

    // refusal reasons (oks.error.*) live in the same bundle as the command's own texts
    private final MessageBundle texts = MessageBundle.of("i18n.oks", ExecutorCommand.class.getClassLoader());

    String text(String key, Object... args) {
        Locale locale = Locale.getDefault();
        String pattern = texts.message(key, locale).orElse(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    @Override
    public Object execute() {
        if (catalog == null || communities == null) {
            System.err.println(text("oks.cmd.missing"));
            return null;
        }
        String id = community == null || community.isBlank() ? Communities.DEFAULT : community.strip();
        if (communities.find(id).isEmpty()) {
            System.err.println(text("oks.cmd.noCommunity", id));
            return null;
        }
        communities.runAs(id, this::save);
        return null;
    }

    private void save() {
        // the console user is a Karaf administrator: act as an OKS administrator
        PortalUser console = new PortalUser(0, "console", "Karaf console", Set.of(), Set.of(OksPermissions.ADMINISTER));
        ExecutorOrganisation existing = catalog.executors(true).stream()
                .filter(o -> o.name().equalsIgnoreCase(name.strip())).findFirst().orElse(null);
        List<String> all = new ArrayList<>(existing == null ? List.of() : existing.members());
        if (members != null) {
            members.stream().filter(m -> !all.contains(m)).forEach(all::add);
        }
        try {
            ExecutorOrganisation saved = catalog.saveExecutor(console, new ExecutorOrganisation(
                    existing == null ? 0 : existing.id(), name, email != null ? email : existing == null ? null : existing.email(),
                    phone != null ? phone : existing == null ? null : existing.phone(), true, all,
                    existing == null ? 0 : existing.version()));
            System.out.println(text("oks.cmd.executor.saved", String.valueOf(saved.id()), saved.name(),
                    saved.members().toString()));
        } catch (OksException e) {
            System.err.println(text("oks.cmd.refused", text(e.messageKey(), e.args())));
        }
    }
}
