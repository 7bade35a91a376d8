package ua.hromada.oks.adminui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import ua.hromada.oks.adminui.documents.ArticlesView;
import ua.hromada.oks.api.DocumentRegister;
import ua.hromada.oks.api.OksPermissions;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;
import ua.hromada.portal.api.legal.LegalActLookup;

/** {@code oks/admin/articles}: the legal articles the OKS documents cite. */
@Component(service = ViewContribution.class)
@PortalView(route = ArticlesView.ROUTE, title = "oks.adminui.menu.articles", section = OksAdminPages.SECTION,
        icon = "vaadin:book", order = 84, permission = OksPermissions.ADMINISTER, view = ArticlesView.class)
public class ArticlesContribution implements ViewContribution {

    @Reference
    private DocumentRegister register;
    @Reference
    private CurrentUser currentUser;
    /** Document search's acts, while that module is installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile LegalActLookup acts;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new ArticlesView(register, currentUser, acts);
    }
}
