package ua.hromada.crm.ui.cards;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.crm.api.ServiceCards;
import ua.hromada.crm.ui.CrmUi;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.legal.LegalActReferences;

/** The service cards whose legal basis links to an act, for the act's page of document search. */
@Component(service = LegalActReferences.class)
public class CardActReferences implements LegalActReferences {

    @Reference
    private ServiceCards cards;
    @Reference
    private CurrentUser currentUser;

    @Override
    public String titleKey() {
        return "crm.card.ui.references";
    }

    @Override
    public String requiredPermission() {
        return CrmUi.STAFF;
    }

    @Override
    public List<LegalActReference> referencesTo(long actId) {
        return cards.citingAct(currentUser.get().orElse(null), actId).stream()
                .map(c -> new LegalActReference(c.localCode() + " — " + c.name(), CardsUi.PREFIX + c.id()))
                .toList();
    }
}
