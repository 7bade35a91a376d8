package ua.hromada.portal.shell.admin;

import org.osgi.service.component.annotations.Reference;

import com.vaadin.flow.component.Component;

import ua.hromada.portal.api.ViewContribution;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.shell.core.ShellMessages;
import ua.hromada.portal.shell.core.PortalSettingsImpl;

@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
public class AuditContribution extends AdminContribution {

    @Reference
    private AuditLog audit;
    @Reference
    private ShellMessages messages;
    @Reference
    private PortalSettingsImpl settings;

    public AuditContribution() {
        super("admin/audit", "admin.audit.title", "vaadin:records", 40, AuditView.class);
    }

    @Override
    public Component createView() {
        java.util.Locale locale = com.vaadin.flow.component.UI.getCurrent().getLocale();
        return new AuditView(audit, key -> messages.find(key, locale), settings.times());
    }
}
