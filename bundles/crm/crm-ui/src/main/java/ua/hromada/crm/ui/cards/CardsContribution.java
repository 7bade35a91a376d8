package ua.hromada.crm.ui.cards;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.crm.api.CardTransfer;
import ua.hromada.crm.api.ServiceCards;
import ua.hromada.crm.ui.CrmUi;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/** Menu entry {@code tsnap/kartky}: the centre's service cards, their import and export. */
@Component(service = ViewContribution.class)
@PortalView(route = CardsUi.LIST_ROUTE, title = "crm.card.ui.menu", section = CrmUi.SECTION,
        icon = "vaadin:records", order = 70, permission = CrmUi.STAFF, view = CardsView.class)
public class CardsContribution implements ViewContribution {

    @Reference
    private ServiceCards cards;
    @Reference
    private CardTransfer transfer;
    @Reference
    private PortalSettings settings;
    @Reference
    private CurrentUser currentUser;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new CardsView(cards, transfer, settings, currentUser.get().orElse(null));
    }
}
