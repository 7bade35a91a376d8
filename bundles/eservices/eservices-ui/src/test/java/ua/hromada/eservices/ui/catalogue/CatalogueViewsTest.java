package ua.hromada.eservices.ui.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.data.provider.Query;

import ua.hromada.eservices.api.EService;
import ua.hromada.eservices.api.LinkCheck;
import ua.hromada.eservices.api.ServiceQuery;
import ua.hromada.eservices.api.ServiceStatus;
import ua.hromada.eservices.service.EservicesTestSetup;
import ua.hromada.eservices.service.catalogue.ShippedCatalogue;

/** The editor and the public page built on the real services (PostgreSQL), as an editor and as a resident. */
class CatalogueViewsTest {
    private final EservicesTestSetup setup = new EservicesTestSetup();
    // Vaadin holds the current UI weakly: the field keeps it for the test's length
    private final UI ui = new UI();

    CatalogueViewsTest() {
        UI.setCurrent(ui);
        setup.database().tx(ShippedCatalogue::seedIfNew);
    }

    @AfterEach
    void close() {
        UI.setCurrent(null);
        setup.close();
    }

    private CatalogueView editor() {
        return new CatalogueView(setup.catalogue(), setup.transfer(), setup.monitor(),
                setup.pools().forModule("eservices"), setup.units(), setup.settings(), setup.editor);
    }

    private static Stream<Component> all(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(CatalogueViewsTest::all));
    }

    private static <T> List<T> rows(Grid<T> grid) {
        return grid.getDataProvider().fetch(new Query<>(0, 500, List.of(), null, null)).toList();
    }

    @Test
    void theEditorListsFiltersAndGivesEveryControlAnId() {
        CatalogueView view = editor();
        assertEquals(ShippedCatalogue.size(), rows(view.services.grid).size());
        view.services.text.setValue("бюджет");
        assertEquals(List.of("participatory-budget"), rows(view.services.grid).stream().map(EService::code).toList());
        view.services.text.setValue("");
        view.services.brokenOnly.setValue(true);
        assertEquals(List.of(), rows(view.services.grid), "nothing is broken before a check");
        assertFalse(view.services.grid.getEmptyStateText().isBlank());
        assertEquals(ShippedCatalogue.size() > 0, view.categories.grid.getListDataView().getItemCount() > 0);
        List<String> missingIds = all(view).filter(c -> c instanceof com.vaadin.flow.component.Focusable
                || c instanceof com.vaadin.flow.component.button.Button || c instanceof Anchor)
                .filter(c -> c.getId().isEmpty()).map(c -> c.getClass().getSimpleName()).toList();
        assertEquals(List.of(), missingIds, "every interactive element has an id");
    }

    @Test
    void theFormPutsRefusalsAtTheirFieldsAndSavesMovesAndDeletes() {
        CatalogueView view = editor();
        ServiceForm form = new ServiceForm(setup.catalogue(), setup.units().all(), setup.editor,
                EService.create(null, null, null, null), saved -> view.services.refresh());
        form.code.setValue("x");
        form.url.setValue("diia.gov.ua");
        form.save();
        assertTrue(form.code.isInvalid());
        assertTrue(form.url.isInvalid());
        assertTrue(form.name.isInvalid());
        form.code.setValue("cnap-online");
        form.name.setValue("Онлайн-консультація ЦНАП");
        form.url.setValue("https://rada-poltava.gov.ua/ua/cnap");
        form.status.setValue(ServiceStatus.HIDDEN);
        form.save();
        assertFalse(form.url.isInvalid());
        List<EService> rows = rows(view.services.grid);
        EService added = rows.get(rows.size() - 1);
        assertEquals("cnap-online", added.code());
        view.services.move(added, true);
        List<String> order = rows(view.services.grid).stream().map(EService::code).toList();
        assertEquals("cnap-online", order.get(order.size() - 2));
        view.services.delete(setup.catalogue().find(added.id()).orElseThrow());
        assertEquals(ShippedCatalogue.size(), rows(view.services.grid).size());
    }

    @Test
    void theImportShowsTheRowsProblemsAndAppliesOnlyAGoodFile() {
        ImportDialog dialog = new ImportDialog(setup.transfer(), setup.editor, () -> { });
        dialog.check("bad.csv", "code;name;url\nok-1;Добре;https://example.org\nbad;;nowhere\n"
                .getBytes(StandardCharsets.UTF_8));
        assertFalse(dialog.apply.isEnabled());
        assertTrue(dialog.problems.isVisible());
        assertEquals(2, dialog.problems.getListDataView().getItemCount());
        dialog.check("good.csv", "code;name;url\nok-1;Добре;https://example.org\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(dialog.apply.isEnabled());
        dialog.apply();
        assertEquals(1, setup.catalogue().count(ServiceQuery.text("ok-1")));
    }

    @Test
    void aCheckNowShowsInTheHistoryWithItsUptime() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        EService local = setup.catalogue().save(setup.editor,
                EService.create("local", "Локальний", null, "http://127.0.0.1:" + closed + "/"));
        CatalogueView view = editor();
        // the check runs as a job of the module, off the page
        view.services.checkNow(local);
        for (int i = 0; i < 100 && setup.monitor().historyCount(setup.editor, local.id()) == 0; i++) {
            Thread.sleep(50);
        }
        LinkCheck check = setup.monitor().history(setup.editor, local.id(), 0, 1).get(0);
        view.services.checked(local, check, null);
        assertEquals(1, setup.monitor().historyCount(setup.editor, local.id()), "one check, recorded by the job");
        LinkHistoryDialog history = new LinkHistoryDialog(setup.monitor(), setup.editor, local,
                setup.settings().timeZone());
        assertEquals(1, rows(history.checks).size());
        assertFalse(rows(history.checks).get(0).ok());
        // no translations in a unit test: the key shows which text the page chose
        assertTrue(history.uptime.getText().contains("history.uptime"), history.uptime.getText());
    }

    @Test
    void thePublicPageShowsActiveServicesAsCardsThatOpenInANewTab() {
        EService diia = setup.catalogue().list(ServiceQuery.text("diia.gov.ua/"), 0, 1).get(0);
        setup.catalogue().save(setup.editor, diia.withStatus(ServiceStatus.HIDDEN));
        PublicServicesView page = new PublicServicesView(setup.catalogue());
        List<ListItem> cards = page.cards.getChildren().map(ListItem.class::cast).toList();
        assertEquals(ShippedCatalogue.size() - 1, cards.size(), "the hidden one is not shown");
        Anchor link = all(page).filter(c -> c.getId().filter("eservices-public-link-participatory-budget"::equals)
                .isPresent()).map(Anchor.class::cast).findFirst().orElseThrow();
        assertEquals("_blank", link.getTarget().orElseThrow());
        assertTrue(link.getElement().getAttribute("rel").contains("noopener"));
        assertTrue(link.getElement().getChildren().anyMatch(e -> e.getTextRecursively().contains("eservices.ui.public.newTab")
                || e.getTextRecursively().contains("новій вкладці")));
        assertFalse(page.pages.isVisible(), "one page of cards");

        page.category.setValue("education");
        assertEquals(List.of("eservices-public-link-kindergarten"), page.cards.getChildren()
                .flatMap(CatalogueViewsTest::all).filter(c -> c instanceof Anchor).map(c -> c.getId().orElse(""))
                .toList());
        page.category.setValue(null);
        // the public home page's search leads here with ?q=
        page.restore(Map.of("q", List.of("Громадський бюджет"), "category", List.of("no-such-code")));
        assertEquals("Громадський бюджет", page.text.getValue());
        assertEquals(1, page.cards.getChildren().count());
        assertEquals(null, page.category.getValue(), "an unknown category in the address is dropped");
        page.text.setValue("немає такої послуги");
        assertEquals(0, page.cards.getChildren().count());
        assertFalse(page.status.getText().isBlank(), "the empty state says so");
    }

    @Test
    void thePublicPagePagesThroughALongCatalogue() {
        for (int i = 0; i < 20; i++) {
            setup.catalogue().save(setup.editor, EService.create("extra-" + i, "Послуга " + i, null,
                    "https://example.org/" + i));
        }
        PublicServicesView page = new PublicServicesView(setup.catalogue());
        assertTrue(page.pages.isVisible());
        assertEquals(PublicServicesView.PAGE, page.cards.getChildren().count());
        assertFalse(page.previous.isEnabled());
        page.show(2);
        assertEquals(ShippedCatalogue.size() + 20 - 2 * PublicServicesView.PAGE, page.cards.getChildren().count());
        assertFalse(page.next.isEnabled());
    }
}
