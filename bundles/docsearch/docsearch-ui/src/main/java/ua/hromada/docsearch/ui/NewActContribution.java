package ua.hromada.docsearch.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.docsearch.api.DocsearchPermissions;
import ua.hromada.docsearch.api.LegalActRegistry;
import ua.hromada.docsearch.api.LegalActSearch;
import ua.hromada.docsearch.ui.view.ActFormView;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.ViewContribution;

/** Menu entry {@code docs/new}: register a new act. */
@Component(service = ViewContribution.class)
public class NewActContribution extends DocsearchContribution {

    @Reference
    private LegalActRegistry registry;
    @Reference
    private LegalActSearch search;
    @Reference
    private CurrentUser currentUser;

    @Override
    public String route() {
        return "docs/new";
    }

    @Override
    public String titleKey() {
        return "docsearch.ui.menu.new";
    }

    @Override
    public String icon() {
        return "vaadin:file-add";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String requiredPermission() {
        return DocsearchPermissions.EDIT;
    }

    @Override
    public Class<? extends com.vaadin.flow.component.Component> viewClass() {
        return ActFormView.class;
    }

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new ActFormView(registry, search, currentUser);
    }
}
