package ua.hromada.portal.shell.admin;

import org.osgi.service.component.annotations.Reference;

import com.vaadin.flow.component.Component;

import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.shell.core.ShellMessages;
import ua.hromada.portal.shell.core.PortalSettingsImpl;

/** Admin page {@code admin/audit}: the audit log. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@PortalView(route = "admin/audit", title = "admin.audit.title", section = AdminPages.SECTION, icon = "vaadin:records",
        order = 40, permission = AdminPages.PERMISSION, view = AuditView.class)
public class AuditContribution implements ViewContribution {

    @Reference
    private AuditLog audit;
    @Reference
    private ShellMessages messages;
    @Reference
    private PortalSettingsImpl settings;

    @Override
    public Component createView() {
        java.util.Locale locale = com.vaadin.flow.component.UI.getCurrent().getLocale();
        return new AuditView(audit, key -> messages.find(key, locale), settings.times());
    }
}
