package ua.hromada.oks.ui;

import org.osgi.service.component.annotations.Component;

import ua.hromada.oks.ui.view.ViolationCardView;
import ua.hromada.portal.api.ViewContribution;

/**
 * Detail page {@code oks/violation/:id} (not in the menu). The printable documents are optional:
 * without the documents bundle the card simply has no "Попередження"/"Протокол" buttons.
 */
@Component(service = ViewContribution.class)
public class ViolationCardContribution extends OksContribution {

    @Override
    public String route() {
        return "oks/violation/:id";
    }

    @Override
    public String titleKey() {
        return "oks.ui.menu.card";
    }

    @Override
    public boolean inMenu() {
        return false;
    }

    @Override
    public Class<? extends com.vaadin.flow.component.Component> viewClass() {
        return ViolationCardView.class;
    }

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new ViolationCardView(services.violations(), services.catalog(), services.documents(),
                services.mapSettings(), services.user(), services.settings().zone());
    }
}
