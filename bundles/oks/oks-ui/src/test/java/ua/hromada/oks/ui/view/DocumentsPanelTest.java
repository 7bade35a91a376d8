package ua.hromada.oks.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;

import ua.hromada.oks.api.DocumentRegister;
import ua.hromada.oks.api.DocumentStep;
import ua.hromada.oks.api.IssuedDocument;
import ua.hromada.oks.api.LegalArticle;
import ua.hromada.oks.api.OksPermissions;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.api.ViolationDocuments;
import ua.hromada.oks.api.ViolationDocuments.Kind;
import ua.hromada.oks.api.Violator;
import ua.hromada.portal.api.PortalUser;

/**
 * The card's documents panel shows what the register answers: a step awaiting its document offers
 * «Скласти документ» to an inspector, an issued document shows its number and date with «Друкувати»,
 * its signed copy when attached; an executor attaches nothing. The register is a stand-in.
 */
class DocumentsPanelTest {
    private static final PortalUser INSPECTOR = new PortalUser(1, "inspector", "Інна", Set.of(), Set.of(OksPermissions.INSPECT));
    private static final PortalUser EXECUTOR = new PortalUser(2, "executor", "Петро", Set.of(), Set.of(OksPermissions.EXECUTE));
    private static final Violation CASE = new Violation(42, "inspector", "Інна", Instant.parse("2026-11-20T08:00:00Z"), null,
            null, "Сміття", "вул. Соборності, 1", 49.58, 34.55, null, null, null, null, null, null, false);
    private final UI ui = new UI();
    private final List<DocumentStep> awaiting = new ArrayList<>();
    private final List<IssuedDocument> issued = new ArrayList<>();

    DocumentsPanelTest() {
        UI.setCurrent(ui);
    }

    @AfterEach
    void close() {
        UI.setCurrent(null);
    }

    private ViolationDocuments documents() {
        DocumentRegister register = (DocumentRegister) Proxy.newProxyInstance(DocumentRegister.class.getClassLoader(),
                new Class<?>[] {DocumentRegister.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "awaiting" -> ((PortalUser) args[0]).hasPermission(OksPermissions.INSPECT) ? awaiting : List.of();
                    case "issued" -> issued;
                    case "articles" -> List.of();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (ViolationDocuments) Proxy.newProxyInstance(ViolationDocuments.class.getClassLoader(),
                new Class<?>[] {ViolationDocuments.class}, (proxy, method, args) -> {
                    if (method.getName().equals("register")) {
                        return register;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static IssuedDocument document(IssuedDocument.SignedScan scan) {
        return new IssuedDocument(7, 42, 31, Kind.PROTOCOL, "ПР-3/2026", Instant.parse("2026-11-23T09:00:00Z"),
                LocalDate.of(2026, 11, 23), "inspector", "Інна",
                new Violator(Violator.Kind.ORGANISATION, "ТОВ «Будсервіс»", null, "14360570", "м. Полтава"),
                new LegalArticle(1, "ст. 152 КУпАП", "Порушення правил благоустрою", true, 0), null, null, scan);
    }

    private static Stream<Component> all(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(DocumentsPanelTest::all));
    }

    private static Optional<Component> byId(Component root, String id) {
        return all(root).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst();
    }

    @Test
    void aStepAwaitingItsDocumentIsOfferedToTheInspectorOnly() {
        awaiting.add(new DocumentStep(31, Instant.parse("2026-11-23T08:00:00Z"), "Складено протокол", Kind.PROTOCOL));
        DocumentsPanel panel = new DocumentsPanel(documents(), CASE, INSPECTOR, java.time.ZoneId.of("Europe/Kyiv"));
        assertTrue(panel.isVisible());
        assertTrue(byId(panel, "oks-doc-issue-31").isPresent());

        DocumentsPanel executors = new DocumentsPanel(documents(), CASE, EXECUTOR, java.time.ZoneId.of("Europe/Kyiv"));
        assertFalse(executors.isVisible(), "nothing issued and nothing to issue for an executor: no panel");
    }

    @Test
    void anIssuedDocumentShowsItsNumberPrintAndSignedCopy() {
        issued.add(document(new IssuedDocument.SignedScan("pidpysano.pdf", "application/pdf", 1200,
                Instant.parse("2026-11-24T12:00:00Z"), "inspector")));
        DocumentsPanel panel = new DocumentsPanel(documents(), CASE, INSPECTOR, java.time.ZoneId.of("Europe/Kyiv"));
        assertEquals("ПР-3/2026", ((Span) byId(panel, "oks-doc-number-7").orElseThrow()).getText());
        assertTrue(byId(panel, "oks-doc-print-7").isPresent());
        assertTrue(byId(panel, "oks-doc-scan-7").isPresent());
        assertTrue(byId(panel, "oks-doc-scan-upload-7").isPresent(), "an inspector may replace the copy");

        DocumentsPanel executors = new DocumentsPanel(documents(), CASE, EXECUTOR, java.time.ZoneId.of("Europe/Kyiv"));
        assertTrue(byId(executors, "oks-doc-print-7").isPresent(), "whoever sees the case prints it");
        assertFalse(byId(executors, "oks-doc-scan-upload-7").isPresent(), "an executor attaches nothing");
    }

    @Test
    void withoutTheDocumentsBundleThereIsNoPanel() {
        assertFalse(DocumentsPanel.of(null, CASE, INSPECTOR, java.time.ZoneId.of("Europe/Kyiv")).isVisible());
    }
}
