package ua.hromada.crm.ui.cards;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import ua.hromada.crm.api.ServiceCards;
import ua.hromada.crm.ui.CrmUi;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;
import ua.hromada.portal.api.legal.LegalActLookup;

/** Detail page {@code tsnap/kartky/:id} (not in the menu; {@code nova} makes one): a card, its editor and versions. */
@Component(service = ViewContribution.class)
@PortalView(route = CardsUi.CARD_ROUTE, title = "crm.card.ui.menu.one", section = CrmUi.SECTION, menu = false,
        permission = CrmUi.STAFF, view = CardView.class)
public class CardContribution implements ViewContribution {

    @Reference
    private ServiceCards cards;
    @Reference
    private PortalSettings settings;
    @Reference
    private CurrentUser currentUser;
    /** The document-search acts, while that module is installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile LegalActLookup acts;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new CardView(cards, acts, settings.timeZone(), currentUser.get().orElse(null));
    }
}
