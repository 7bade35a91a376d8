package ua.hromada.eservices.ui.catalogue;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;

import ua.hromada.eservices.api.CatalogueTransfer;
import ua.hromada.eservices.api.LifeSituation;
import ua.hromada.eservices.api.LinkMonitor;
import ua.hromada.eservices.api.ServiceCatalogue;
import ua.hromada.eservices.api.ServiceCategory;
import ua.hromada.eservices.api.Units;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.jobs.Jobs;

/**
 * {@code eservices/catalogue}: the employees' editor of the service catalogue — the services with
 * the link monitor's findings, the categories and the life situations, each in its tab.
 */
public class CatalogueView extends VerticalLayout implements BeforeEnterObserver {
    private static final long serialVersionUID = 1L;
    final ServicesPanel services;
    final TermsPanel categories;
    final TermsPanel situations;

    public CatalogueView(ServiceCatalogue catalogue, CatalogueTransfer transfer, LinkMonitor monitor, Jobs jobs,
            Units units, PortalSettings settings, PortalUser user) {
        setId("eservices-catalogue-view");
        setSizeFull();
        add(new H2(getTranslation("eservices.ui.catalogue.title")));
        services = new ServicesPanel(catalogue, transfer, monitor, jobs, units.all(), user, settings);
        categories = new TermsPanel("category",
                () -> catalogue.categories().stream().map(c -> new TermsPanel.Term(c.id(), c.code(), c.name(),
                        c.position(), c.version())).toList(),
                t -> {
                    ServiceCategory c = catalogue.saveCategory(user,
                            new ServiceCategory(t.id(), t.code(), t.name(), t.position(), t.version()));
                    return new TermsPanel.Term(c.id(), c.code(), c.name(), c.position(), c.version());
                },
                t -> catalogue.deleteCategory(user, t.id(), t.version()));
        situations = new TermsPanel("situation",
                () -> catalogue.situations().stream().map(s -> new TermsPanel.Term(s.id(), s.code(), s.name(),
                        s.position(), s.version())).toList(),
                t -> {
                    LifeSituation s = catalogue.saveSituation(user,
                            new LifeSituation(t.id(), t.code(), t.name(), t.position(), t.version()));
                    return new TermsPanel.Term(s.id(), s.code(), s.name(), s.position(), s.version());
                },
                t -> catalogue.deleteSituation(user, t.id(), t.version()));
        TabSheet tabs = new TabSheet();
        tabs.setId("eservices-catalogue-tabs");
        tabs.add(getTranslation("eservices.ui.catalogue.tab.services"), services).setId("eservices-catalogue-tab-services");
        tabs.add(getTranslation("eservices.ui.catalogue.tab.categories"), categories)
                .setId("eservices-catalogue-tab-categories");
        tabs.add(getTranslation("eservices.ui.catalogue.tab.situations"), situations)
                .setId("eservices-catalogue-tab-situations");
        tabs.setSizeFull();
        // a category or situation changed in its tab: the services' filters and forms offer the new list
        tabs.addSelectedChangeListener(e -> services.reloadLists());
        add(tabs);
    }

    /** {@code ?q=} (from the employees' search) fills the services' text filter. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        java.util.List<String> q = event.getLocation().getQueryParameters().getParameters().get("q");
        if (q != null && !q.isEmpty()) {
            services.text.setValue(q.get(0));
        }
    }
}
