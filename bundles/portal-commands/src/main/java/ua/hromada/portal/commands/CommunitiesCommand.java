package ua.hromada.portal.commands;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.community.Community;

/** {@code portal:communities}: one row per community the portal serves, the default one first. */
@Service
@Command(scope = "portal", name = "communities", description = "Lists the communities the portal serves")
public class CommunitiesCommand implements Action {

    @Reference(optional = true)
    Communities communities;

    @Reference(optional = true)
    List<MessageBundle> messages;

    @Override
    public Object execute() {
        Texts texts = new Texts(messages);
        if (communities == null) {
            System.err.println(texts.get("cmd.communities.missing"));
            return null;
        }
        ShellTable table = new ShellTable();
        table.column(texts.get("cmd.communities.col.id"));
        table.column(texts.get("cmd.communities.col.name"));
        table.column(texts.get("cmd.communities.col.hosts"));
        table.column(texts.get("cmd.communities.col.modules"));
        for (Community c : communities.all()) {
            String hosts = c.hosts().isEmpty()
                    ? (Communities.DEFAULT.equals(c.id()) ? texts.get("cmd.communities.otherHosts") : "-")
                    : String.join(", ", c.hosts());
            String modules = c.modules().isEmpty() ? texts.get("cmd.communities.allModules")
                    : String.join(", ", c.modules().stream().sorted().toList());
            table.addRow().addContent(c.id(), c.name(), hosts, modules);
        }
        table.print(System.out);
        return null;
    }
}
