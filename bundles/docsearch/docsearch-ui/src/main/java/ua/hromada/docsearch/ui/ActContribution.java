package ua.hromada.docsearch.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.docsearch.api.LegalActRegistry;
import ua.hromada.docsearch.ui.view.ActView;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** Detail page {@code docs/act/:id} (not in the menu). */
@Component(service = ViewContribution.class)
@PortalView(route = "docs/act/:id", title = "docsearch.ui.menu.act", section = DocsearchPages.SECTION,
        icon = DocsearchPages.ICON, menu = false, permission = DocsearchPages.READ, view = ActView.class)
public class ActContribution implements ViewContribution {

    @Reference
    private LegalActRegistry registry;
    @Reference
    private CurrentUser currentUser;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new ActView(registry, currentUser);
    }
}
