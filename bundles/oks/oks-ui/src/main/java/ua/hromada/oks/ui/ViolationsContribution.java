package ua.hromada.oks.ui;

import org.osgi.service.component.annotations.Component;

import ua.hromada.oks.ui.view.OksUi;
import ua.hromada.oks.ui.view.ViolationsView;
import ua.hromada.portal.api.ViewContribution;

/** Menu entry {@code oks/violations}: the list of current violations with filters and export. */
@Component(service = ViewContribution.class)
public class ViolationsContribution extends OksContribution {

    @Override
    public String route() {
        return OksUi.LIST_ROUTE;
    }

    @Override
    public String titleKey() {
        return "oks.ui.menu.list";
    }

    @Override
    public String icon() {
        return "vaadin:list";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Class<? extends com.vaadin.flow.component.Component> viewClass() {
        return ViolationsView.class;
    }

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new ViolationsView(services.violations(), services.catalog(), services.user(), services.settings().zone());
    }
}
