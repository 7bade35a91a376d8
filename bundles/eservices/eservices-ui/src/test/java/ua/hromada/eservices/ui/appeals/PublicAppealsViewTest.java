package ua.hromada.eservices.ui.appeals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;

import ua.hromada.eservices.api.Appeal;
import ua.hromada.eservices.api.AppealQuery;
import ua.hromada.eservices.service.EservicesTestSetup;

/**
 * The public list on the real services, read as anyone: public appeals and their answers, never a
 * confidential one, never a name, e-mail or phone; the search, the pages and the empty states.
 */
class PublicAppealsViewTest {
    private final Pages pages = new Pages();
    private final EservicesTestSetup setup = pages.setup;
    private final UI ui = pages.ui;
    private final Resident resident = pages.busyResident();

    PublicAppealsViewTest() {
        setup.shipTopics();
    }

    @AfterEach
    void close() {
        pages.close();
    }

    private PublicAppealsView page() {
        return new PublicAppealsView(setup.publicAppeals(), setup.settings().timeZone());
    }

    private Appeal appeal(String number) {
        return setup.appeals().find(setup.manager, AppealQuery.all(100)).stream().filter(a -> a.number().equals(number))
                .map(a -> setup.appeals().get(setup.manager, a.id())).findFirst().orElseThrow();
    }

    private static List<String> cards(PublicAppealsView view) {
        return Views.all(Views.find(view, "eservices-public-list")).map(c -> c.getId().orElse(""))
                .filter(id -> id.startsWith("eservices-public-appeal-")).toList();
    }

    @Test
    void showsPublicAppealsAndAnswersWithoutPersonalDataAndNeverConfidentialOnes() {
        String open = resident.file("blagoustrii", "Просимо встановити лавки в парку Перемоги.", "olena@example.org", true);
        String secret = resident.file("zhkg", "Протікає дах над моєю квартирою.", "olena@example.org", false);
        Appeal a = appeal(open);
        setup.appeals().answer(setup.manager, a.id(), a.version(), "Лавки встановлять до кінця місяця.");

        PublicAppealsView view = page();
        assertEquals(List.of("eservices-public-appeal-" + open), cards(view));
        String text = Views.text(view);
        assertTrue(text.contains("Просимо встановити лавки в парку Перемоги."));
        assertTrue(text.contains("Лавки встановлять до кінця місяця."), "the answer is shown");
        assertFalse(text.contains("Протікає дах"), "a confidential appeal is never listed: " + secret);
        for (String personal : List.of(Resident.NAME, "Петренко", "olena@example.org", Resident.PHONE, "123 45 67")) {
            assertFalse(text.contains(personal), "no personal data on the public page: " + personal);
        }
        assertEquals("1", Views.find(view, "eservices-public-status").getElement().getAttribute("data-count"));
    }

    @Test
    void searchesAndPagesAndSaysWhenNothingIsThere() {
        assertEquals("0", Views.find(page(), "eservices-public-status").getElement().getAttribute("data-count"));
        assertEquals(Views.key("eservices.ui.appeal.public.empty"), Views.text(Views.find(page(), "eservices-public-status")));

        for (int i = 1; i <= PublicAppealsView.PAGE + 1; i++) {
            resident.file("dorohy", "Яма на дорозі, ділянка номер " + i + ".", "driver" + i + "@example.org", true);
        }
        resident.file("osvitlennia", "Не світить ліхтар біля ліцею.", "lamp@example.org", true);

        PublicAppealsView view = page();
        assertEquals(PublicAppealsView.PAGE, cards(view).size(), "a page at a time");
        Button previous = Views.find(view, "eservices-public-previous");
        Button next = Views.find(view, "eservices-public-next");
        assertFalse(previous.isEnabled());
        next.click();
        assertEquals(2, cards(view).size(), "the rest on the second page");
        assertFalse(next.isEnabled());
        previous.click();
        assertEquals(PublicAppealsView.PAGE, cards(view).size());

        Views.<TextField>find(view, "eservices-public-search").setValue("ліхтар");
        Views.<Button>find(view, "eservices-public-find").click();
        assertEquals(1, cards(view).size());
        assertTrue(Views.text(view).contains("Не світить ліхтар біля ліцею."));

        Views.<TextField>find(view, "eservices-public-search").setValue("зоопарк");
        Views.<Button>find(view, "eservices-public-find").click();
        assertEquals(List.of(), cards(view));
        assertEquals(Views.key("eservices.ui.appeal.public.nothingFound"), Views.text(Views.find(view, "eservices-public-status")));
    }
}
