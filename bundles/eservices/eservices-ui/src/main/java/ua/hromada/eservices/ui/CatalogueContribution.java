package ua.hromada.eservices.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.eservices.api.CatalogueTransfer;
import ua.hromada.eservices.api.LinkMonitor;
import ua.hromada.eservices.api.ServiceCatalogue;
import ua.hromada.eservices.api.Units;
import ua.hromada.eservices.ui.catalogue.CatalogueView;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;
import ua.hromada.portal.api.jobs.Jobs;

/** Menu entry {@code eservices/catalogue}: the service catalogue's editor and link monitor. */
@Component(service = ViewContribution.class)
@PortalView(route = CatalogueContribution.ROUTE, title = "eservices.ui.catalogue.menu", section = EservicesUi.SECTION,
        icon = "vaadin:globe", order = 50, permission = EservicesUi.CATALOGUE, view = CatalogueView.class)
public class CatalogueContribution implements ViewContribution {
    public static final String ROUTE = "eservices/catalogue";

    @Reference
    private ServiceCatalogue catalogue;
    @Reference
    private CatalogueTransfer transfer;
    @Reference
    private LinkMonitor monitor;
    @Reference
    private Jobs jobs;
    @Reference
    private Units units;
    @Reference
    private PortalSettings settings;
    @Reference
    private CurrentUser currentUser;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new CatalogueView(catalogue, transfer, monitor, jobs, units, settings, currentUser.get().orElse(null));
    }
}
