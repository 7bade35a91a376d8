package ua.hromada.docsearch.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.docsearch.api.DocsearchPermissions;
import ua.hromada.docsearch.api.LegalActRegistry;
import ua.hromada.docsearch.api.LegalActSearch;
import ua.hromada.docsearch.ui.view.ActEditView;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.ViewContribution;

/** {@code docs/edit/:id}: edit an act (not in the menu). */
@Component(service = ViewContribution.class)
public class EditActContribution extends DocsearchContribution {

    @Reference
    private LegalActRegistry registry;
    @Reference
    private LegalActSearch search;
    @Reference
    private CurrentUser currentUser;

    @Override
    public String route() {
        return "docs/edit/:id";
    }

    @Override
    public String titleKey() {
        return "docsearch.ui.menu.edit";
    }

    @Override
    public boolean inMenu() {
        return false;
    }

    @Override
    public String requiredPermission() {
        return DocsearchPermissions.EDIT;
    }

    @Override
    public Class<? extends com.vaadin.flow.component.Component> viewClass() {
        return ActEditView.class;
    }

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new ActEditView(registry, search, currentUser);
    }
}
