package ua.hromada.crm.service.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ua.hromada.crm.api.ProviderKind;
import ua.hromada.crm.api.ServiceCard;
import ua.hromada.crm.service.CrmDatabase;
import ua.hromada.crm.service.CrmTestSetup;

/** Each community starts with the shipped cards, valid by the cards' own rules, once. */
class ShippedCardsTest {

    @Test
    void theShippedCardsPassTheRules() {
        for (ServiceCard card : ShippedCards.CARDS) {
            assertEquals(Map.of(), CardRules.check(CardRules.normalised(card)), card.localCode());
        }
        assertTrue(ShippedCards.CARDS.stream().anyMatch(c -> c.providerRole().equals("zemelnyi")));
        assertTrue(ShippedCards.CARDS.stream().anyMatch(c -> c.providerKind() == ProviderKind.STATE_BODY));
    }

    @Test
    void eachCommunityIsSeededOnceAndSeparately() throws Exception {
        try (CrmTestSetup setup = new CrmTestSetup()) {
            setup.communities().add("reshetylivka", "reshetylivka.example");
            CrmDatabase seeded = setup.seededDatabase();
            seeded.read(c -> null);
            List<ServiceCard> cards = setup.cards().find(setup.head, "", false, 0, 100);
            assertEquals(ShippedCards.size(), cards.size());
            assertTrue(cards.stream().allMatch(c -> c.cardVersion() == 1));
            assertEquals(1, setup.cards().history(setup.head, cards.get(0).id()).size());
            // a second component (a restart) writes nothing more
            setup.seededDatabase().read(c -> null);
            assertEquals(ShippedCards.size(), setup.cards().count(setup.head, "", false));
            try (var scope = setup.communities().enter("reshetylivka")) {
                assertEquals(0, setup.cards().count(setup.head, "", false));
                seeded.read(c -> null);
                assertEquals(ShippedCards.size(), setup.cards().count(setup.head, "", false));
            }
        }
    }
}
