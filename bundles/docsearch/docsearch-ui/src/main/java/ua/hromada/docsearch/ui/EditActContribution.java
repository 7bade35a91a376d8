package ua.hromada.docsearch.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.docsearch.api.DocsearchPermissions;
import ua.hromada.docsearch.api.LegalActRegistry;
import ua.hromada.docsearch.api.LegalActSearch;
import ua.hromada.docsearch.ui.view.ActEditView;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** {@code docs/edit/:id}: edit an act (not in the menu). */
@Component(service = ViewContribution.class)
@PortalView(route = "docs/edit/:id", title = "docsearch.ui.menu.edit", section = DocsearchPages.SECTION,
        icon = DocsearchPages.ICON, menu = false, permission = DocsearchPermissions.EDIT,
        view = ActEditView.class)
public class EditActContribution implements ViewContribution {

    @Reference
    private LegalActRegistry registry;
    @Reference
    private LegalActSearch search;
    @Reference
    private CurrentUser currentUser;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new ActEditView(registry, search, currentUser);
    }
}
