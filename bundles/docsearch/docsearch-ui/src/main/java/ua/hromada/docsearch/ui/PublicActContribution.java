package ua.hromada.docsearch.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.docsearch.api.LegalActRegistry;
import ua.hromada.docsearch.ui.view.PublicActView;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.ViewContribution;

/** Public page {@code dokumenty/:id}: an act for residents, read-only. */
@Component(service = ViewContribution.class)
public class PublicActContribution extends PublicContribution {

    @Reference
    private LegalActRegistry registry;
    @Reference
    private CurrentUser currentUser;

    @Override
    public String route() {
        return "dokumenty/:id";
    }

    @Override
    public String titleKey() {
        return "docsearch.ui.menu.act";
    }

    @Override
    public Class<? extends com.vaadin.flow.component.Component> viewClass() {
        return PublicActView.class;
    }

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new PublicActView(registry, currentUser);
    }
}
