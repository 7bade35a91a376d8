package ua.hromada.docsearch.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.docsearch.api.LegalActRegistry;
import ua.hromada.docsearch.ui.view.PublicActView;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** Public page {@code dokumenty/:id}: an act for residents, read-only. */
@Component(service = ViewContribution.class)
@PortalView(route = "dokumenty/:id", title = "docsearch.ui.menu.act", section = DocsearchPages.SECTION,
        icon = DocsearchPages.ICON, menu = false, open = true, view = PublicActView.class)
public class PublicActContribution implements ViewContribution {

    @Reference
    private LegalActRegistry registry;
    @Reference
    private CurrentUser currentUser;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new PublicActView(registry, currentUser);
    }
}
