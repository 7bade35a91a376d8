package ua.hromada.oks.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class OksSearchProviderTest {

    @Test
    void anIdIsRecognisedInTheUsualSpellings() {
        for (String q : new String[] {"26", " 26 ", "№ 26", "№26", "ID 26", "id: 26", "#26"}) {
            assertEquals(OptionalLong.of(26), OksSearchProvider.idOf(q), q);
        }
    }

    @Test
    void wordsAndMixedTextAreNoId() {
        for (String q : new String[] {"дерева", "вул. Матвійчука 139", "26 дерев", "", "99999999999999999999"}) {
            assertTrue(OksSearchProvider.idOf(q).isEmpty(), q);
        }
    }
}
