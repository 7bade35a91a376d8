package ua.hromada.eservices.ui.appeals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.EmailField;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import ua.hromada.eservices.service.EservicesTestSetup;
import ua.hromada.portal.testing.TestSessions;

/**
 * The applicant's cabinet on the real services: the e-mailed link opens it once, confidential
 * appeals included; leaving and a spent link lead back to the request form; the request always
 * answers the same.
 */
class CabinetViewTest {
    private static final Pattern TOKEN = Pattern.compile("zvernennia/kabinet\\?token=([A-Za-z0-9_\\-]+)");
    private final Pages pages = new Pages();
    private final EservicesTestSetup setup = pages.setup;
    private final UI ui = pages.ui;
    private final Resident resident = pages.resident();
    private final CabinetSession session = new CabinetSession(TestSessions.locked());

    CabinetViewTest() {
        setup.shipTopics();
    }

    @AfterEach
    void close() {
        pages.close();
    }

    private CabinetView page() {
        CabinetView view = new CabinetView(setup.cabinet(), setup.settings().timeZone(), () -> Resident.ADDRESS, session);
        view.show();
        return view;
    }

    /** The letters to {@code address} once {@code letters} letters in all arrived. */
    private List<MimeMessage> lettersTo(String address, int letters) {
        assertTrue(setup.mailServer().waitForIncomingEmail(10_000, letters), "the letters arrived");
        return Arrays.stream(setup.mailServer().getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().contains(address);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The cabinet link of the newest letter to {@code address}. */
    private String linkTo(String address, int letters) throws MessagingException, IOException {
        List<MimeMessage> mine = lettersTo(address, letters);
        Matcher m = TOKEN.matcher(mine.get(mine.size() - 1).getContent().toString());
        assertTrue(m.find(), "the letter has the cabinet link");
        return m.group(1);
    }

    @Test
    void theLinkOpensTheCabinetOnceWithConfidentialAppealsAndLeavingClosesIt() throws Exception {
        String confidential = resident.file("zhkg", "У під’їзді не працює ліфт уже тиждень.", "olena@example.org", false);
        String open = resident.file("blagoustrii", "Просимо висадити дерева вздовж алеї.", "olena@example.org", true);
        resident.file("inshe", "Чуже звернення іншої людини.", "other@example.org", true);
        String token = linkTo("olena@example.org", 3);

        new CabinetView(setup.cabinet(), setup.settings().timeZone(), () -> Resident.ADDRESS, session).openLink(token);
        CabinetView cabinet = page();
        assertEquals(2, Views.all(Views.find(cabinet, "eservices-cabinet-appeals"))
                .filter(c -> c.getId().orElse("").startsWith("eservices-cabinet-appeal-")).count());
        String text = Views.text(cabinet);
        assertTrue(Views.maybe(cabinet, "eservices-cabinet-appeal-" + confidential).isPresent(), "confidential shown");
        assertTrue(Views.maybe(cabinet, "eservices-cabinet-appeal-" + open).isPresent());
        assertTrue(text.contains("У під’їзді не працює ліфт уже тиждень."));
        assertFalse(text.contains("Чуже звернення"), "only the applicant's own appeals");
        assertTrue(text.contains("eservices.ui.appeal.form.confidential"), "marked confidential");
        assertFalse(Views.maybe(cabinet, "eservices-cabinet-email").isPresent(), "no request form in an open cabinet");

        // a reload keeps the cabinet: the session is in the person's Vaadin session
        assertTrue(Views.maybe(page(), "eservices-cabinet-appeals").isPresent());

        Views.<Button>find(cabinet, "eservices-cabinet-leave").click();
        assertTrue(Views.maybe(cabinet, "eservices-cabinet-email").isPresent(), "left: the request form");
        assertFalse(Views.maybe(page(), "eservices-cabinet-appeals").isPresent(), "and it stays closed");

        // the link worked once
        new CabinetView(setup.cabinet(), setup.settings().timeZone(), () -> Resident.ADDRESS, session).openLink(token);
        CabinetView again = page();
        assertEquals(Views.key("eservices.ui.appeal.cabinet.linkRefused"),
                Views.text(Views.find(again, "eservices-cabinet-reason")));
        assertTrue(Views.maybe(again, "eservices-cabinet-email").isPresent());
        assertFalse(Views.maybe(page(), "eservices-cabinet-reason").isPresent(), "said once");
    }

    @Test
    void anExpiredCabinetSaysSoAndOffersANewLink() throws Exception {
        resident.file("inshe", "Коли відремонтують дах школи?", "ivan@example.org", false);
        page().openLink(linkTo("ivan@example.org", 1));
        assertTrue(Views.maybe(page(), "eservices-cabinet-appeals").isPresent());
        setup.clock().advance(java.time.Duration.ofHours(2)); // past cabinet.link.minutes = 60 as shipped
        CabinetView expired = page();
        assertEquals(Views.key("eservices.ui.appeal.cabinet.expired"), Views.text(Views.find(expired, "eservices-cabinet-reason")));
        assertTrue(Views.maybe(expired, "eservices-cabinet-email").isPresent());
    }

    @Test
    void askingForALinkAnswersTheSameForAnyAddressAndMailsOnlyAnApplicant() throws Exception {
        resident.file("inshe", "Прошу встановити лавку у сквері.", "ivan@example.org", false);
        assertTrue(setup.mailServer().waitForIncomingEmail(10_000, 1));
        for (String address : List.of("ivan@example.org", "nobody@example.org")) {
            CabinetView view = page();
            Views.<EmailField>find(view, "eservices-cabinet-email").setValue(address);
            Views.<Button>find(view, "eservices-cabinet-send").click();
            assertEquals(Views.key("eservices.ui.appeal.cabinet.sent"), Views.text(Views.find(view, "eservices-cabinet-answer")),
                    address);
        }
        String token = linkTo("ivan@example.org", 2);
        assertFalse(token.isBlank());
        assertEquals(List.of(), lettersTo("nobody@example.org", 2), "no letter to an address without appeals");

        CabinetView empty = page();
        Views.<Button>find(empty, "eservices-cabinet-send").click();
        assertTrue(Views.<EmailField>find(empty, "eservices-cabinet-email").isInvalid(), "an address is needed");
    }
}
