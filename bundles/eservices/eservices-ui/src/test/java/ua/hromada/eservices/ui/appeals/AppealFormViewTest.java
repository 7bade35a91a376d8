package ua.hromada.eservices.ui.appeals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;

import ua.hromada.eservices.api.Appeal;
import ua.hromada.eservices.api.AppealQuery;
import ua.hromada.eservices.api.FormTicket;
import ua.hromada.eservices.service.EservicesTestSetup;
import ua.hromada.portal.api.map.MapSettings;
import ua.hromada.portal.ui.map.PortalMap;

/**
 * The public form on the real intake: the service's refusals at their fields, a valid appeal's
 * receipt (and the appeal with its place in the unit's inbox), a refused ticket renewed, the rate
 * limit said in words, the empty state without topics.
 */
class AppealFormViewTest {
    private final Pages pages = new Pages();
    private final EservicesTestSetup setup = pages.setup;
    private final UI ui = pages.ui;
    private final MapSettings map = pages.map;
    private final Resident resident = pages.resident();

    @AfterEach
    void close() {
        pages.close();
    }

    private static HasValidationProperties field(AppealFormView view, String id) {
        return (HasValidationProperties) Views.find(view, id);
    }

    @Test
    void anEmptyFormMarksEachFieldWithTheServicesReason() {
        setup.shipTopics();
        AppealFormView view = resident.open();
        resident.send(view);
        Map<String, String> expected = Map.of("eservices-appeal-text", "eservices.appeal.error.text",
                "eservices-appeal-name", "eservices.appeal.error.name",
                "eservices-appeal-email", "eservices.appeal.error.email",
                "eservices-appeal-consent", "eservices.appeal.error.consent",
                "eservices-appeal-challenge", "eservices.appeal.error.challenge");
        expected.forEach((id, key) -> {
            assertTrue(field(view, id).isInvalid(), id);
            assertEquals(Views.key(key), field(view, id).getErrorMessage(), id);
        });
        assertFalse(field(view, "eservices-appeal-phone").isInvalid(), "the phone is optional");
        assertTrue(Views.find(view, "eservices-appeal-message").isVisible());
        assertTrue(Views.text(Views.find(view, "eservices-appeal-message")).contains("eservices.error.invalid"));
        assertFalse(Views.maybe(view, "eservices-appeal-receipt").isPresent());
        assertTrue(setup.appeals().find(setup.manager, AppealQuery.all(10)).isEmpty(), "nothing stored");

        // everything right but the topic: the topic is marked, the others are cleared
        AppealFormView noTopic = resident.filled("inshe", "Прошу відремонтувати лавку біля школи № 5.",
                "olena@example.org", false);
        Views.<ComboBox<?>>find(noTopic, "eservices-appeal-topic").clear();
        resident.send(noTopic);
        assertTrue(field(noTopic, "eservices-appeal-topic").isInvalid());
        assertEquals(Views.key("eservices.appeal.error.topic"), field(noTopic, "eservices-appeal-topic").getErrorMessage());
        assertFalse(field(noTopic, "eservices-appeal-text").isInvalid());
    }

    @Test
    void aValidAppealShowsTheReceiptAndReachesItsUnitWithThePlace() {
        setup.shipTopics();
        AppealFormView view = resident.filled("blagoustrii", "Зламана гойдалка на дитячому майданчику у сквері.",
                "olena@example.org", true);
        PortalMap portalMap = Views.find(view, "eservices-appeal-map");
        ComponentUtil.fireEvent(portalMap, new PortalMap.MapClickEvent(portalMap, Resident.poltava()));
        assertTrue(Views.text(Views.find(view, "eservices-appeal-place")).contains("eservices.ui.appeal.form.placeChosen"));
        assertTrue(Views.<Button>find(view, "eservices-appeal-place-clear").isEnabled());
        resident.send(view);

        String number = Views.find(view, "eservices-appeal-receipt-number").getElement().getAttribute("data-number");
        assertTrue(number.matches("\\d{4}-\\d+"), number);
        assertTrue(Views.maybe(view, "eservices-appeal-receipt-deadline").isPresent());
        assertTrue(Views.maybe(view, "eservices-appeal-receipt-mailed").isPresent());
        assertFalse(Views.maybe(view, "eservices-appeal-form").isPresent(), "the form gave way to the receipt");

        Appeal appeal = setup.appeals().find(setup.clerk, AppealQuery.all(10)).stream()
                .filter(a -> a.number().equals(number)).map(a -> setup.appeals().get(setup.clerk, a.id()))
                .findFirst().orElseThrow(() -> new AssertionError("the unit «blagoustrii» has the appeal"));
        assertEquals(Resident.poltava().lat(), appeal.latitude(), 1e-9);
        assertEquals(Resident.poltava().lon(), appeal.longitude(), 1e-9);
        assertEquals(Resident.NAME, appeal.applicantName());
        assertTrue(appeal.publicAppeal());
    }

    @Test
    void theClearedPlaceIsNotSent() {
        setup.shipTopics();
        AppealFormView view = resident.filled("inshe", "Пропоную встановити урну біля зупинки.", "ivan@example.org", false);
        PortalMap portalMap = Views.find(view, "eservices-appeal-map");
        ComponentUtil.fireEvent(portalMap, new PortalMap.MapClickEvent(portalMap, Resident.poltava()));
        Views.<Button>find(view, "eservices-appeal-place-clear").click();
        assertFalse(Views.<Button>find(view, "eservices-appeal-place-clear").isEnabled());
        resident.send(view);
        Appeal appeal = setup.appeals().get(setup.manager, setup.appeals().find(setup.manager, AppealQuery.all(1))
                .get(0).id());
        assertNull(appeal.latitude());
        assertFalse(appeal.publicAppeal(), "confidential unless chosen otherwise");
    }

    @Test
    void aTicketSentTooSoonIsRenewedWithANewQuestion() {
        setup.shipTopics();
        AppealFormView view = resident.filled("inshe", "Прошу пояснити графік вивезення сміття.", "ivan@example.org", false);
        FormTicket first = view.ticket();
        Views.<Button>find(view, "eservices-appeal-send").click(); // at once: sooner than a person can
        String message = Views.text(Views.find(view, "eservices-appeal-message"));
        assertTrue(message.contains("eservices.appeal.tokenRefused") && message.contains("eservices.ui.appeal.form.ticketRenewed"),
                message);
        assertNotEquals(first.token(), view.ticket().token());
        assertNull(Views.<IntegerField>find(view, "eservices-appeal-challenge").getValue(),
                "the old answer is cleared for the new question");
        assertEquals("Прошу пояснити графік вивезення сміття.",
                Views.<TextArea>find(view, "eservices-appeal-text").getValue(),
                "what the person wrote stays");

        Views.<IntegerField>find(view, "eservices-appeal-challenge")
                .setValue(view.ticket().left() + view.ticket().right());
        resident.send(view);
        assertTrue(Views.maybe(view, "eservices-appeal-receipt").isPresent(), "sent with the new ticket");
    }

    @Test
    void theRateLimitIsSaidInWords() {
        setup.shipTopics();
        Resident limited = new Resident(setup, map, setup.intake(setup.appealSettings(Map.of("rate.per.address", 1))));
        limited.file("inshe", "Перше звернення з цієї адреси.", "first@example.org", false);
        AppealFormView second = limited.filled("inshe", "Друге звернення з цієї ж адреси.", "second@example.org", false);
        limited.send(second);
        assertTrue(Views.text(Views.find(second, "eservices-appeal-message")).contains("eservices.appeal.rateLimited"));
        assertFalse(Views.maybe(second, "eservices-appeal-receipt").isPresent());
        assertEquals(1, setup.appeals().count(setup.manager, AppealQuery.all(10)));
    }

    @Test
    void withoutActiveTopicsTheFormSaysItIsNotReady() {
        AppealFormView view = resident.open();
        assertTrue(Views.maybe(view, "eservices-appeal-no-topics").isPresent());
        assertFalse(Views.maybe(view, "eservices-appeal-form").isPresent());
        assertEquals(List.of(), setup.topics().active());
    }
}
