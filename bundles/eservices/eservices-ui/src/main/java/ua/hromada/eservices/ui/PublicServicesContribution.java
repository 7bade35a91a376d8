package ua.hromada.eservices.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.eservices.api.ServiceCatalogue;
import ua.hromada.eservices.ui.catalogue.PublicServicesView;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** Public page {@code posluhy}: the residents' catalogue of e-services, a tile of the public home page. */
@Component(service = ViewContribution.class)
@PortalView(route = PublicServicesView.ROUTE, title = "eservices.ui.public.menu", section = EservicesUi.SECTION,
        icon = "vaadin:globe-wire", order = 40, open = true, menu = true, summary = "eservices.ui.public.summary",
        view = PublicServicesView.class)
public class PublicServicesContribution implements ViewContribution {

    @Reference
    private ServiceCatalogue catalogue;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new PublicServicesView(catalogue);
    }
}
