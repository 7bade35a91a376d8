package ua.hromada.docsearch.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.docsearch.api.LegalActRegistry;
import ua.hromada.docsearch.api.LegalActSearch;
import ua.hromada.docsearch.ui.view.PublicSearchView;
import ua.hromada.portal.api.ViewContribution;

/** Public page {@code dokumenty}: residents search the acts without signing in. */
@Component(service = ViewContribution.class)
public class PublicSearchContribution extends PublicContribution {

    @Reference
    private LegalActSearch search;
    @Reference
    private LegalActRegistry registry;

    @Override
    public String route() {
        return "dokumenty";
    }

    @Override
    public String titleKey() {
        return "docsearch.ui.menu.public";
    }

    @Override
    public Class<? extends com.vaadin.flow.component.Component> viewClass() {
        return PublicSearchView.class;
    }

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new PublicSearchView(search, registry.kinds());
    }
}
