package ua.hromada.portal.commands;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import ua.hromada.portal.api.InstalledModules;
import ua.hromada.portal.api.MessageBundle;

@Service
@Command(scope = "hromada", name = "modules", description = "Lists the installed Hromada modules")
public class ModulesCommand implements Action {

    // optional: the command must answer clearly even when the shell bundle is not running
    @Reference(optional = true)
    InstalledModules modules;

    @Reference(optional = true)
    List<MessageBundle> messages;

    @Override
    public Object execute() {
        Texts texts = new Texts(messages);
        if (modules == null) {
            System.err.println(texts.get("cmd.modules.missing"));
            return null;
        }
        List<InstalledModules.ModuleInfo> list = modules.list();
        if (list.isEmpty()) {
            System.out.println(texts.get("cmd.modules.none"));
            return null;
        }
        ShellTable table = new ShellTable();
        table.column(texts.get("cmd.modules.col.id")).alignRight();
        table.column(texts.get("cmd.modules.col.key"));
        table.column(texts.get("cmd.modules.col.name"));
        table.column(texts.get("cmd.modules.col.version"));
        table.column(texts.get("cmd.modules.col.state"));
        table.column(texts.get("cmd.modules.col.routes"));
        for (InstalledModules.ModuleInfo m : list) {
            String state = m.error() == null ? m.state() : m.state() + ": " + m.error();
            table.addRow().addContent(m.bundleId(), m.key(), m.name(), m.version(), state,
                    m.routes() == null ? "" : String.join(", ", m.routes()));
        }
        table.print(System.out);
        return null;
    }
}
