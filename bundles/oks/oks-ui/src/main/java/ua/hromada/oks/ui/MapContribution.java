package ua.hromada.oks.ui;

import org.osgi.service.component.annotations.Component;

import ua.hromada.oks.ui.view.MapView;
import ua.hromada.oks.ui.view.OksUi;
import ua.hromada.portal.api.ViewContribution;

/** Menu entry {@code oks/map}: the map of current violations with the latest events. */
@Component(service = ViewContribution.class)
public class MapContribution extends OksContribution {

    @Override
    public String route() {
        return OksUi.MAP_ROUTE;
    }

    @Override
    public String titleKey() {
        return "oks.ui.menu.map";
    }

    @Override
    public String icon() {
        return "vaadin:map-marker";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Class<? extends com.vaadin.flow.component.Component> viewClass() {
        return MapView.class;
    }

    @Override
    public com.vaadin.flow.component.Component createView() {
        OksUiSettings settings = services.settings();
        return new MapView(services.violations(), services.mapSettings(), services.user(), settings.zone(),
                settings.eventsCount(), settings.refreshSeconds());
    }
}
