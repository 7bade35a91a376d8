package ua.hromada.docsearch.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.docsearch.api.LegalActRegistry;
import ua.hromada.docsearch.api.LegalActSearch;
import ua.hromada.docsearch.ui.view.PublicSearchView;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** Public page {@code dokumenty}: residents search the acts without signing in; a public entry (a tile of the home page). */
@Component(service = ViewContribution.class)
@PortalView(route = "dokumenty", title = "docsearch.ui.menu.public", section = DocsearchPages.SECTION,
        icon = DocsearchPages.ICON, order = DocsearchPages.PUBLIC_ORDER, open = true,
        summary = "docsearch.ui.public.summary", view = PublicSearchView.class)
public class PublicSearchContribution implements ViewContribution {

    @Reference
    private LegalActSearch search;
    @Reference
    private LegalActRegistry registry;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new PublicSearchView(search, registry.kinds());
    }
}
