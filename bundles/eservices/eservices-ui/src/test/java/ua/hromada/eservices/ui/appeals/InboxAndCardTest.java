package ua.hromada.eservices.ui.appeals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.Query;

import ua.hromada.eservices.api.Appeal;
import ua.hromada.eservices.api.AppealForm;
import ua.hromada.eservices.api.AppealQuery;
import ua.hromada.eservices.api.AppealStatus;
import ua.hromada.eservices.api.AppealSummary;
import ua.hromada.eservices.api.FormTicket;
import ua.hromada.eservices.api.Unit;
import ua.hromada.eservices.service.EservicesTestSetup;
import ua.hromada.portal.api.map.MapSettings;
import ua.hromada.portal.testing.TestImages;

/**
 * The employees' pages on the real services: the inbox lists only the clerk's units and marks
 * overdue appeals, the dashboard counts what the inbox filters, and the card's steps change it
 * (assign, answer, close), with field errors and the edit-conflict dialog.
 */
class InboxAndCardTest {
    private final Pages pages = new Pages();
    private final EservicesTestSetup setup = pages.setup;
    private final UI ui = pages.ui;
    private final MapSettings map = pages.map;
    private final Resident resident = pages.busyResident();

    InboxAndCardTest() {
        setup.shipTopics();
    }

    @AfterEach
    void close() {
        pages.close();
    }

    private InboxView inbox(ua.hromada.portal.api.PortalUser user) {
        return new InboxView(setup.appeals(), setup.units(), setup.topics(), user, setup.settings().timeZone());
    }

    private static List<AppealSummary> rows(InboxView view) {
        Grid<AppealSummary> grid = Views.find(view, "eservices-inbox-grid");
        return grid.getDataProvider().fetch(new Query<>(0, 50, List.of(), null, null)).toList();
    }

    private long id(String number) {
        return setup.appeals().find(setup.manager, AppealQuery.all(100)).stream().filter(a -> a.number().equals(number))
                .findFirst().orElseThrow().id();
    }

    private AppealCardView card(long id) {
        AppealCardView card = new AppealCardView(setup.appeals(), map, setup.clerk, setup.settings().timeZone());
        card.show(id);
        return card;
    }

    /** The status badge's state on the card. */
    private static String status(AppealCardView card) {
        return Views.all(card).filter(c -> c.getElement().hasAttribute("data-status")).findFirst().orElseThrow()
                .getElement().getAttribute("data-status");
    }

    @Test
    void theInboxListsOnlyTheClerksUnitsAndMarksOverdueAppeals() {
        String swing = resident.file("blagoustrii", "Зламана гойдалка у сквері на Соборності.", "a@example.org", false);
        String pothole = resident.file("dorohy", "Глибока яма на перехресті біля ринку.", "b@example.org", true);
        String cnap = resident.file("posluhy", "Довга черга в ЦНАП щопонеділка.", "c@example.org", false);

        InboxView clerks = inbox(setup.clerk);
        assertEquals(java.util.Set.of(pothole, swing), rows(clerks).stream().map(AppealSummary::number)
                .collect(java.util.stream.Collectors.toSet()));
        assertFalse(rows(clerks).stream().anyMatch(a -> a.number().equals(cnap)), "another unit's appeal is not listed");
        ComboBox<Unit> unit = Views.find(clerks, "eservices-inbox-unit");
        assertEquals(List.of("Департамент благоустрою"), unit.getListDataView().getItems().map(Unit::name).toList());
        assertFalse(Views.maybe(clerks, "eservices-inbox-no-units").isPresent());
        assertEquals(3, rows(inbox(setup.manager)).size(), "the manager sees every unit's");

        Views.<TextField>find(clerks, "eservices-inbox-text").setValue("гойдалка");
        assertEquals(List.of(swing), rows(clerks).stream().map(AppealSummary::number).toList());
        Views.<Button>find(clerks, "eservices-inbox-reset").click();
        assertEquals(2, rows(clerks).size());

        // past the deadline (10 and 15 working days): both open appeals are overdue and marked
        setup.clock().advance(Duration.ofDays(40));
        InboxView later = inbox(setup.clerk);
        Views.<Checkbox>find(later, "eservices-inbox-overdue").setValue(true);
        List<AppealSummary> overdue = rows(later);
        assertEquals(2, overdue.size());
        Grid<AppealSummary> grid = Views.find(later, "eservices-inbox-grid");
        assertTrue(overdue.stream().allMatch(a -> a.overdue() && grid.getPartNameGenerator().apply(a) != null),
                "an overdue row carries its part (the highlight)");
        assertTrue(Views.text(AppealFacts.deadline(later, overdue.get(0).deadline(), true))
                .contains("eservices.ui.appeal.overdue"), "and the word beside the date, not the colour alone");

        AppealsWidget widget = new AppealsWidget(setup.appeals(), setup.clerk);
        Anchor overdueCount = Views.find(widget, "eservices-widget-overdue");
        assertEquals("2", overdueCount.getElement().getAttribute("data-count"));
        assertEquals("eservices/appeals?overdue=true", overdueCount.getHref());
        assertEquals("2", Views.find(widget, "eservices-widget-new").getElement().getAttribute("data-count"));
        assertEquals("0", Views.find(widget, "eservices-widget-assigned").getElement().getAttribute("data-count"));
    }

    @Test
    void withoutAUnitTheInboxSaysWhom() {
        InboxView view = inbox(EservicesTestSetup.user(9, "newcomer", "Новий Працівник", java.util.Set.of(),
                ua.hromada.eservices.api.EservicesPermissions.APPEALS));
        assertTrue(Views.maybe(view, "eservices-inbox-no-units").isPresent());
        assertEquals(List.of(), rows(view));
    }

    @Test
    void assignAnswerAndCloseChangeTheCard() {
        long id = id(resident.file("blagoustrii", "Потрібно покосити траву в парку.", "olena@example.org", true));
        AppealCardView card = card(id);
        assertEquals("REGISTERED", status(card));
        assertTrue(Views.text(Views.find(card, "eservices-appeal-facts")).contains(Resident.NAME),
                "the unit sees who wrote");
        assertFalse(Views.maybe(card, "eservices-appeal-close").isPresent(), "nothing to close before an answer");

        Views.<Button>find(card, "eservices-appeal-assign").click();
        Views.<Button>opened(ui, "eservices-assign-save").click();
        assertTrue(Views.<TextField>find(ui, "eservices-assign-name").isInvalid(), "the name is required");
        assertEquals(Views.key("eservices.appeal.error.executorName"),
                Views.<TextField>find(ui, "eservices-assign-name").getErrorMessage());
        Views.<TextField>find(ui, "eservices-assign-name").setValue("Петро Коваль");
        Views.<TextField>find(ui, "eservices-assign-phone").setValue("+380 53 222 33 44");
        Views.<Button>find(ui, "eservices-assign-save").click();

        Appeal assigned = setup.appeals().get(setup.clerk, id);
        assertEquals(AppealStatus.ASSIGNED, assigned.status());
        assertEquals("Петро Коваль", assigned.executorName());
        assertTrue(Views.text(Views.find(card, "eservices-appeal-facts")).contains("Петро Коваль"), "the card shows it");
        assertEquals("ASSIGNED", status(card));
        assertTrue(Views.text(Views.find(card, "eservices-appeal-facts")).contains("+380 53 222 33 44"));

        Views.<Button>find(card, "eservices-appeal-answer").click();
        Views.<TextArea>opened(ui, "eservices-answer-text").setValue("Траву покосять у четвер.");
        Views.<Button>find(ui, "eservices-answer-save").click();
        assertEquals(AppealStatus.ANSWERED, setup.appeals().get(setup.clerk, id).status());
        assertTrue(Views.text(Views.find(card, "eservices-appeal-facts")).contains("Траву покосять у четвер."));
        assertFalse(Views.maybe(card, "eservices-appeal-answer").isPresent(), "answered: no second answer");

        Views.<Button>find(card, "eservices-appeal-close").click();
        assertEquals(AppealStatus.CLOSED, setup.appeals().get(setup.clerk, id).status());
        assertFalse(Views.find(card, "eservices-appeal-actions").isVisible(), "closed: no more steps");
        Grid<ua.hromada.eservices.api.AppealStep> journal = Views.find(card, "eservices-appeal-journal");
        List<String> steps = journal.getGenericDataView().getItems().map(ua.hromada.eservices.api.AppealStep::action)
                .toList();
        assertTrue(steps.containsAll(List.of("REGISTERED", "ASSIGNED", "ANSWERED", "CLOSED")), steps.toString());
    }

    @Test
    void aStaleCardOpensTheConflictDialogAndReloads() {
        long id = id(resident.file("dorohy", "Розбитий бордюр біля зупинки.", "ivan@example.org", false));
        AppealCardView card = card(id);
        Appeal now = setup.appeals().get(setup.manager, id);
        setup.appeals().assign(setup.manager, id, now.version(), "Марія Шевченко", "+380 53 111 22 33");

        Views.<Button>find(card, "eservices-appeal-answer").click();
        Views.<TextArea>opened(ui, "eservices-answer-text").setValue("Бордюр замінять.");
        Views.<Button>find(ui, "eservices-answer-save").click();
        assertNull(setup.appeals().get(setup.manager, id).answer(), "nothing saved");
        Views.<Button>opened(ui, "edit-conflict-reload").click();
        assertTrue(Views.text(Views.find(card, "eservices-appeal-facts")).contains("Марія Шевченко"),
                "reloaded with the other employee's change");
    }

    @Test
    void theCardShowsThePlaceAndTheFilesAndTheApplicantsContacts() throws Exception {
        Path photo = Files.createTempFile("appeal-photo", ".part");
        try {
            Files.write(photo, TestImages.png(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB)));
            FormTicket ticket = setup.intake().openForm(Resident.ADDRESS);
            setup.clock().advance(Duration.ofSeconds(30));
            long topic = setup.topics().active().stream().filter(t -> t.code().equals("blagoustrii")).findFirst()
                    .orElseThrow().id();
            String number = setup.intake().submit(new AppealForm(ticket.token(),
                    String.valueOf(ticket.left() + ticket.right()), topic, "Повалене дерево перекрило доріжку.",
                    Resident.poltava().lat(), Resident.poltava().lon(), List.of(new AppealForm.AppealFile("дерево.png", photo)),
                    Resident.NAME, "olena@example.org", Resident.PHONE, false, true), Resident.ADDRESS).number();
            AppealCardView card = card(id(number));
            assertTrue(Views.maybe(card, "eservices-appeal-map").isPresent(), "the place on a map");
            long fileId = setup.appeals().get(setup.clerk, id(number)).attachments().get(0).id();
            assertEquals("дерево.png", Views.text(Views.find(card, "eservices-appeal-file-" + fileId)));
            assertEquals("mailto:olena@example.org", Views.<Anchor>find(card, "eservices-appeal-applicant-email").getHref());
            assertEquals("tel:+380501234567", Views.<Anchor>find(card, "eservices-appeal-applicant-phone").getHref());
        } finally {
            Files.deleteIfExists(photo);
        }
    }

    @Test
    void anotherUnitsAppealIsNotFoundOnTheCard() {
        long id = id(resident.file("posluhy", "Прошу подовжити години роботи ЦНАП.", "c@example.org", false));
        AppealCardView card = card(id);
        assertEquals(Views.key("eservices.error.notFound"), Views.text(Views.find(card, "eservices-appeal-missing")));
        assertFalse(Views.maybe(card, "eservices-appeal-actions").isPresent());
    }
}
