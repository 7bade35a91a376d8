package ua.hromada.docsearch.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.docsearch.api.DocsearchPermissions;
import ua.hromada.docsearch.api.LegalActRegistry;
import ua.hromada.docsearch.api.LegalActSearch;
import ua.hromada.docsearch.ui.view.ActFormView;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** Menu entry {@code docs/new}: register a new act. */
@Component(service = ViewContribution.class)
@PortalView(route = "docs/new", title = "docsearch.ui.menu.new", section = DocsearchPages.SECTION,
        icon = "vaadin:file-add", order = 20, permission = DocsearchPermissions.EDIT, view = ActFormView.class)
public class NewActContribution implements ViewContribution {

    @Reference
    private LegalActRegistry registry;
    @Reference
    private LegalActSearch search;
    @Reference
    private CurrentUser currentUser;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new ActFormView(registry, search, currentUser);
    }
}
