package ua.hromada.portal.shell.admin;

import org.osgi.service.component.annotations.Reference;

import com.vaadin.flow.component.Component;

import ua.hromada.portal.api.ViewContribution;
import ua.hromada.portal.api.InstalledModules;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.shell.core.ModuleEvents;

@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
public class ModulesContribution extends AdminContribution {

    @Reference
    private ua.hromada.portal.shell.core.ShellMessages messages;
    @Reference
    private InstalledModules modules;
    @Reference
    private ModuleEvents events;
    @Reference
    private AuditLog audit;

    public ModulesContribution() {
        super("admin/modules", "admin.modules.title", "vaadin:puzzle-piece", 30, ModulesView.class);
    }

    @Override
    public Component createView() {
        java.util.Locale locale = com.vaadin.flow.component.UI.getCurrent().getLocale();
        return new ModulesView(modules, events, audit, key -> messages.find(key, locale));
    }
}
