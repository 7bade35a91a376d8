package ua.hromada.crm.ui.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;

import ua.hromada.crm.service.CrmTestSetup;
import ua.hromada.crm.service.cases.CaseExportImpl;

/**
 * The case list over the real services offers the export in both formats, each a download link
 * (texts are keys here, {@code !{key}!}: the tests run without the portal's translations).
 */
class CaseListViewTest {
    private CrmTestSetup setup;
    // Vaadin holds the current UI weakly: the field keeps it for the test
    private final UI ui = new UI();

    @BeforeEach
    void start() {
        UI.setCurrent(ui);
        setup = new CrmTestSetup();
    }

    @AfterEach
    void stop() {
        UI.setCurrent(null);
        setup.close();
    }

    private static Stream<Component> tree(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(CaseListViewTest::tree));
    }

    @Test
    void theListOffersCsvAndXlsxDownloads() {
        CaseListView view = new CaseListView(setup.cases(), new CaseExportImpl(setup.cases()), setup.cards(),
                setup.administrator, setup.settings(), false);
        Map<String, Anchor> links = new java.util.TreeMap<>();
        tree(view).filter(Anchor.class::isInstance).map(Anchor.class::cast)
                .forEach(a -> a.getId().ifPresent(id -> links.put(id, a)));
        assertEquals(List.of("case-export-csv", "case-export-xlsx"), List.copyOf(links.keySet()));
        for (Anchor a : links.values()) {
            assertTrue(a.getElement().hasAttribute("download"), a.getId().orElseThrow());
            assertTrue(!a.getHref().isEmpty(), "served by the export's download handler");
        }
        assertEquals(Optional.of("!{crm.case.ui.export.xlsx}!"), Optional.of(links.get("case-export-xlsx").getText()));
    }
}
