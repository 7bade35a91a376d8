package ua.hromada.eservices.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import ua.hromada.eservices.api.Units;
import ua.hromada.eservices.ui.appeals.UnitsView;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;
import ua.hromada.portal.api.security.Roles;

/** Menu entry {@code eservices/units}: the council's units that own services and handle appeals. */
@Component(service = ViewContribution.class)
@PortalView(route = EservicesUi.UNITS_ROUTE, title = "eservices.ui.appeal.menu.units", section = EservicesUi.SECTION,
        icon = "vaadin:office", order = 80, permission = EservicesUi.MANAGE, view = UnitsView.class)
public class UnitsContribution implements ViewContribution {

    @Reference
    private Units units;
    @Reference
    private CurrentUser currentUser;
    /** The portal's roles, offered as a unit's role; without the service the role is typed in. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Roles roles;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new UnitsView(units, roles, currentUser.get().orElse(null));
    }
}
