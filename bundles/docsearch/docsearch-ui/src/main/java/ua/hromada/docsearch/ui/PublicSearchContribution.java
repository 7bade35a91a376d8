package ua.hromada.docsearch.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.docsearch.api.LegalActRegistry;
import ua.hromada.docsearch.api.LegalActSearch;
import ua.hromada.docsearch.ui.view.PublicSearchView;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** Public page {@code dokumenty}: residents search the acts without signing in. */
@Component(service = ViewContribution.class)
@PortalView(route = "dokumenty", title = "docsearch.ui.menu.public", section = DocsearchPages.SECTION,
        icon = DocsearchPages.ICON, menu = false, open = true, view = PublicSearchView.class)
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
