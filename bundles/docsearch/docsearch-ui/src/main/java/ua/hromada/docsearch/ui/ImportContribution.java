package ua.hromada.docsearch.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.docsearch.api.BulkImport;
import ua.hromada.docsearch.api.DocsearchPermissions;
import ua.hromada.docsearch.ui.view.ImportView;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;
import ua.hromada.portal.api.jobs.Jobs;

/** Menu entry {@code docs/import}: bulk import of a ZIP with metadata.csv. */
@Component(service = ViewContribution.class)
@PortalView(route = "docs/import", title = "docsearch.ui.menu.import", section = DocsearchPages.SECTION,
        icon = "vaadin:upload", order = 30, permission = DocsearchPermissions.EDIT, view = ImportView.class)
public class ImportContribution implements ViewContribution {

    @Reference
    private BulkImport bulkImport;
    @Reference
    private CurrentUser currentUser;
    /** The import started in the view runs as this bundle's job. */
    @Reference
    private Jobs jobs;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new ImportView(bulkImport, currentUser, jobs);
    }
}
