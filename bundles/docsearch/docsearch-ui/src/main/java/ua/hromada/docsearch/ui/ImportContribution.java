package ua.hromada.docsearch.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.docsearch.api.BulkImport;
import ua.hromada.docsearch.api.DocsearchPermissions;
import ua.hromada.docsearch.ui.view.ImportView;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.ViewContribution;

/** Menu entry {@code docs/import}: bulk import of a ZIP with metadata.csv. */
@Component(service = ViewContribution.class)
public class ImportContribution extends DocsearchContribution {

    @Reference
    private BulkImport bulkImport;
    @Reference
    private CurrentUser currentUser;

    @Override
    public String route() {
        return "docs/import";
    }

    @Override
    public String titleKey() {
        return "docsearch.ui.menu.import";
    }

    @Override
    public String icon() {
        return "vaadin:upload";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String requiredPermission() {
        return DocsearchPermissions.EDIT;
    }

    @Override
    public Class<? extends com.vaadin.flow.component.Component> viewClass() {
        return ImportView.class;
    }

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new ImportView(bulkImport, currentUser);
    }
}
