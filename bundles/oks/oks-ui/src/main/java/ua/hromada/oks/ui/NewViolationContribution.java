package ua.hromada.oks.ui;

import org.osgi.service.component.annotations.Component;

import ua.hromada.oks.api.OksPermissions;
import ua.hromada.oks.ui.view.OksUi;
import ua.hromada.oks.ui.view.RegistrationView;
import ua.hromada.portal.api.ViewContribution;

/** Menu entry {@code oks/new}: an inspector registers a violation. */
@Component(service = ViewContribution.class)
public class NewViolationContribution extends OksContribution {

    @Override
    public String route() {
        return OksUi.NEW_ROUTE;
    }

    @Override
    public String titleKey() {
        return "oks.ui.menu.new";
    }

    @Override
    public String icon() {
        return "vaadin:plus-circle";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String requiredPermission() {
        return OksPermissions.INSPECT;
    }

    @Override
    public Class<? extends com.vaadin.flow.component.Component> viewClass() {
        return RegistrationView.class;
    }

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new RegistrationView(services.violations(), services.catalog(), services.mapSettings(), services.user());
    }
}
