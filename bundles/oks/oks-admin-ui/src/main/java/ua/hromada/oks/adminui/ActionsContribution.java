package ua.hromada.oks.adminui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.oks.adminui.catalog.ActionsView;
import ua.hromada.oks.api.OksCatalog;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.ViewContribution;

/** {@code oks/admin/actions}: the workflow actions' codes, names and groups. */
@Component(service = ViewContribution.class)
public class ActionsContribution extends OksAdminContribution {

    @Reference
    private OksCatalog catalog;
    @Reference
    private CurrentUser currentUser;

    @Override
    public String route() {
        return ActionsView.ROUTE;
    }

    @Override
    public String titleKey() {
        return "oks.adminui.menu.actions";
    }

    @Override
    public String icon() {
        return "vaadin:sitemap";
    }

    @Override
    public int order() {
        return 82;
    }

    @Override
    public Class<? extends com.vaadin.flow.component.Component> viewClass() {
        return ActionsView.class;
    }

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new ActionsView(catalog, currentUser);
    }
}
