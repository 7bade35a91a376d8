package ua.hromada.portal.shell.admin;

import org.osgi.service.component.annotations.Reference;

import com.vaadin.flow.component.Component;

import ua.hromada.portal.api.InstalledModules;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.shell.core.ModuleChangeRule;
import ua.hromada.portal.shell.core.ModuleEvents;
import ua.hromada.portal.shell.core.ShellMessages;

/** Admin page {@code admin/modules}: installed modules, install, stop, start, uninstall. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@PortalView(route = "admin/modules", title = "admin.modules.title", section = AdminPages.SECTION,
        icon = "vaadin:puzzle-piece", order = 30, permission = AdminPages.PERMISSION, view = ModulesView.class)
public class ModulesContribution implements ViewContribution {

    @Reference
    private ShellMessages messages;
    @Reference
    private InstalledModules modules;
    @Reference
    private ModuleEvents events;
    @Reference
    private ModuleChangeRule rule;
    @Reference
    private AuditLog audit;

    @Override
    public Component createView() {
        java.util.Locale locale = com.vaadin.flow.component.UI.getCurrent().getLocale();
        return new ModulesView(modules, events, rule, audit, key -> messages.find(key, locale));
    }
}
