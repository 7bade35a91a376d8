package ua.hromada.opendata.publication.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.opendata.api.PolicyDocuments;
import ua.hromada.opendata.publication.Publication;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/**
 * The residents' page {@code vidkryti-dani}: published datasets, no sign-in, in the public frame;
 * a public entry (a tile of the public home page).
 */
@Component(service = ViewContribution.class)
@PortalView(route = PublicPages.ROUTE, title = "opendata.publication.page.title", section = "opendata",
        icon = "vaadin:database", order = PublicPages.ORDER, open = true,
        summary = "opendata.publication.page.summary", view = OpenDataView.class)
public class OpenDataPageContribution implements ViewContribution {

    @Reference
    private Publication publication;
    @Reference
    private PolicyDocuments policy;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new OpenDataView(publication, policy);
    }
}
