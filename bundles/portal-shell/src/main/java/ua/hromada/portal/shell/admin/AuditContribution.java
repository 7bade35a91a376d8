package ua.hromada.portal.shell.admin;

import org.osgi.service.component.annotations.Reference;

import com.vaadin.flow.component.Component;

import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.security.Roles;
import ua.hromada.portal.shell.core.CurrentUserImpl;
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
    @Reference
    private Communities communities;
    @Reference
    private CurrentUserImpl currentUser;

    @Override
    public Component createView() {
        java.util.Locale locale = com.vaadin.flow.component.UI.getCurrent().getLocale();
        // a regional administrator reads any community's entries, everybody else the current one's
        boolean regional = currentUser.get().map(u -> u.permissions().contains(Roles.COMMUNITIES_PERMISSION))
                .orElse(false);
        return new AuditView(audit, key -> messages.find(key, locale), settings.times(),
                regional ? communities : null);
    }
}
