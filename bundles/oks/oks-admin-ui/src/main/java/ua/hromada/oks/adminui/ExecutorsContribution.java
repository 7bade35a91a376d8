package ua.hromada.oks.adminui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import ua.hromada.oks.adminui.catalog.ExecutorsView;
import ua.hromada.oks.adminui.notices.Notices;
import ua.hromada.oks.api.MailNotices;
import ua.hromada.oks.api.OksCatalog;
import ua.hromada.oks.api.OksPermissions;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;
import ua.hromada.portal.api.security.UserAccounts;

/** {@code oks/admin/executors}: executor organisations and their people. */
@Component(service = ViewContribution.class)
@PortalView(route = ExecutorsView.ROUTE, title = "oks.adminui.menu.executors", section = OksAdminPages.SECTION,
        icon = "vaadin:workplace", order = 81, permission = OksPermissions.ADMINISTER,
        view = ExecutorsView.class)
public class ExecutorsContribution implements ViewContribution {

    @Reference
    private OksCatalog catalog;
    @Reference
    private UserAccounts accounts;
    @Reference
    private CurrentUser currentUser;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MailNotices notices;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new ExecutorsView(catalog, accounts, currentUser, () -> Notices.of(notices));
    }
}
