package ua.hromada.oks.service.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import ua.hromada.oks.api.CatalogService;
import ua.hromada.oks.api.ExecutorOrganisation;
import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.OksPermissions;
import ua.hromada.portal.api.PortalUser;

/**
 * hromada:oks-executor — creates or updates an executor organisation and its members from the
 * console (first setup by an administrator, scripted provisioning of another community).
 */
@Service
@Command(scope = "hromada", name = "oks-executor", description = "Creates or updates an OKS executor organisation")
public class ExecutorCommand implements Action {

    @Reference(optional = true)
    CatalogService catalog;

    @Option(name = "--email", description = "E-mail for notices of new violations")
    String email;

    @Option(name = "--phone", description = "Phone")
    String phone;

    @Argument(index = 0, name = "name", required = true, description = "Organisation name")
    String name;

    @Argument(index = 1, name = "members", multiValued = true, description = "Portal usernames of its executors")
    List<String> members;

    @Override
    public Object execute() {
        if (catalog == null) {
            System.err.println("OKS service is not running");
            return null;
        }
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
            System.out.println("Executor organisation " + saved.id() + " \"" + saved.name() + "\" members " + saved.members());
            return null;
        } catch (OksException e) {
            System.err.println("Refused: " + e.messageKey() + " " + List.of(e.args()));
            return null;
        }
    }
}
