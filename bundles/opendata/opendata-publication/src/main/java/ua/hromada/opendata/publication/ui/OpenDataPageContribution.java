package ua.hromada.opendata.publication.ui;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.opendata.publication.Publication;
import ua.hromada.portal.api.ViewContribution;

/** The residents' page {@code vidkryti-dani}: published datasets, no sign-in, in the public frame. */
@Component(service = ViewContribution.class)
public class OpenDataPageContribution implements ViewContribution {

    private final Publication publication;

    @Activate
    public OpenDataPageContribution(@Reference Publication publication) {
        this.publication = publication;
    }

    @Override
    public String route() {
        return PublicPages.ROUTE;
    }

    @Override
    public String titleKey() {
        return "opendata.publication.page.title";
    }

    @Override
    public String icon() {
        return "vaadin:database";
    }

    @Override
    public String section() {
        return "opendata";
    }

    @Override
    public String requiredPermission() {
        return null;
    }

    @Override
    public boolean inMenu() {
        return false;
    }

    @Override
    public boolean isPublic() {
        return true;
    }

    @Override
    public Class<? extends com.vaadin.flow.component.Component> viewClass() {
        return OpenDataView.class;
    }

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new OpenDataView(publication);
    }
}
