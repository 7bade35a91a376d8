package ua.hromada.portal.commands;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import ua.hromada.portal.api.InstalledModules;
import ua.hromada.portal.api.InstalledModules.BundleInfo;
import ua.hromada.portal.api.InstalledModules.ModuleInfo;
import ua.hromada.portal.api.MessageBundle;

/**
 * {@code portal:modules [key]}: one row per module (or the one named), as the modules view lists
 * them; -b adds their bundles.
 */
@Service
@Command(scope = "portal", name = "modules", description = "Lists the installed Hromada modules")
public class ModulesCommand implements Action {

    // optional: the command must answer clearly even when the shell bundle is not running
    @Reference(optional = true)
    InstalledModules modules;

    @Reference(optional = true)
    List<MessageBundle> messages;

    @Option(name = "-b", aliases = "--bundles", description = "List each module's bundles under it")
    boolean bundles;

    @Argument(index = 0, name = "key", description = "Only this module")
    @Completion(ModuleKeyCompleter.class)
    String key;

    @Override
    public Object execute() {
        Texts texts = new Texts(messages);
        if (modules == null) {
            System.err.println(texts.get("cmd.modules.missing"));
            return null;
        }
        List<ModuleInfo> list = modules.list().stream().filter(m -> key == null || key.equals(m.key())).toList();
        if (list.isEmpty()) {
            System.out.println(key == null ? texts.get("cmd.modules.none") : texts.get("cmd.modules.unknown", key));
            return null;
        }
        ShellTable table = new ShellTable();
        table.column(texts.get("cmd.modules.col.key"));
        table.column(texts.get("cmd.modules.col.name"));
        table.column(texts.get("cmd.modules.col.version"));
        table.column(texts.get("cmd.modules.col.state"));
        table.column(texts.get("cmd.modules.col.source"));
        table.column(texts.get("cmd.modules.col.bundles")).alignRight();
        table.column(texts.get("cmd.modules.col.routes"));
        for (ModuleInfo m : list) {
            String state = m.state().name();
            if (m.errorText() != null) {
                state += ": " + m.errorText();
            } else if (m.waitingFor() != null) {
                state += ": " + m.waitingFor();
            }
            table.addRow().addContent(m.key(), m.name(), m.version(), state, m.source().name(), m.bundles().size(),
                    String.join(", ", m.routes()));
            if (bundles) {
                for (BundleInfo b : m.bundles()) {
                    String bundleState = b.error() == null ? b.state() : b.state() + ": " + b.error();
                    table.addRow().addContent("  " + b.id(), b.symbolicName(), b.version(), bundleState, "", "", "");
                }
            }
        }
        table.print(System.out);
        return null;
    }
}
