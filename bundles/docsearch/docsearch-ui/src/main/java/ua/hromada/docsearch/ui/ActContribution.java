package ua.hromada.docsearch.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.docsearch.api.LegalActRegistry;
import ua.hromada.docsearch.ui.view.ActView;
import ua.hromada.docsearch.api.DocsearchPermissions;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.ViewContribution;

/** Detail page {@code docs/act/:id} (not in the menu). */
@Component(service = ViewContribution.class)
public class ActContribution extends DocsearchContribution {

    @Reference
    private LegalActRegistry registry;
    @Reference
    private CurrentUser currentUser;

    @Override
    public String route() {
        return "docs/act/:id";
    }

    @Override
    public String titleKey() {
        return "docsearch.ui.menu.act";
    }

    /** An editor opens the act he just saved or asked to edit, also without the view permission. */
    @Override
    public String requiredPermission() {
        return PortalUser.anyOf(DocsearchPermissions.VIEW, DocsearchPermissions.EDIT);
    }

    @Override
    public boolean inMenu() {
        return false;
    }

    @Override
    public Class<? extends com.vaadin.flow.component.Component> viewClass() {
        return ActView.class;
    }

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new ActView(registry, currentUser);
    }
}
