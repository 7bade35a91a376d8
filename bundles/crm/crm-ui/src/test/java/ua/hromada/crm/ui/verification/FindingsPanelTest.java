package ua.hromada.crm.ui.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.textfield.TextArea;

import ua.hromada.crm.api.TextRegion;
import ua.hromada.crm.service.CrmTestSetup;
import ua.hromada.crm.service.verification.VerificationFixture;
import ua.hromada.portal.api.jdbc.Statements;
import ua.hromada.portal.testing.TestSessions;

/**
 * The findings panel over the real verification on PostgreSQL: «Перевірити» lists the fired checks
 * with their ids, an override asks for a reason (a short one is marked on the field) and then shows
 * the finding as overridden; a scan's finding shows the crop of the region. Texts are keys here
 * ({@code !{key}!}): the tests run without the portal's translations.
 */
class FindingsPanelTest {
    private static final LocalDate BORN = LocalDate.of(1985, 3, 15);
    // Vaadin holds the current UI weakly: the field keeps it for the test
    private final UI ui = new UI();
    private CrmTestSetup setup;
    private VerificationFixture fx;
    private final AtomicInteger changes = new AtomicInteger();
    private long caseId;

    @BeforeEach
    void setUp() {
        UI.setCurrent(ui);
        ui.getInternals().setSession(TestSessions.locked());
        setup = new CrmTestSetup();
        fx = new VerificationFixture(setup);
        long card = fx.card("RM-01", "Реєстрація місця проживання особи", "reiestratsiia", null);
        long person = fx.person("Шевченко", "Олена", BORN, VerificationFixture.taxNumber(BORN, "0123"), "ID_CARD",
                "001234567", null, "");
        caseId = fx.caseOf(person, card, "", false, false, "REGISTERED");
        fx.document(caseId, "Заява", "OTHER", "ALWAYS", false);
        fx.document(caseId, "Довідка про склад сім’ї", "OTHER", "ALWAYS", false);
    }

    @AfterEach
    void tearDown() {
        UI.setCurrent(null);
        setup.close();
    }

    private FindingsPanel panel() {
        return new FindingsPanel(setup.verification(), setup.cases(), setup.administrator, caseId, changes::incrementAndGet,
                setup.settings().timeZone());
    }

    private static Stream<Component> all(Component c) {
        Stream<Component> children = c.getChildren();
        if (c instanceof Dialog dialog) {
            children = Stream.concat(children, dialog.getFooter().getElement().getChildren()
                    .flatMap(e -> e.getComponent().stream()));
        }
        return Stream.concat(Stream.of(c), children.flatMap(FindingsPanelTest::all));
    }

    @SuppressWarnings("unchecked")
    private static <T extends Component> Optional<T> maybe(Component root, String id) {
        return all(root).filter(c -> c.getId().filter(id::equals).isPresent()).map(c -> (T) c).findFirst();
    }

    private static <T extends Component> T find(Component root, String id) {
        return FindingsPanelTest.<T>maybe(root, id).orElseThrow(() -> new AssertionError("no component #" + id));
    }

    /** A dialog the panel opened: Vaadin attaches it to the UI just before its response. */
    private <T extends Component> T opened(String id) {
        ui.getInternals().getStateTree().runExecutionsBeforeClientResponse();
        return find(ui, id);
    }

    @Test
    void verifyListsTheFindingsWithTheirIds() {
        FindingsPanel panel = panel();
        assertTrue(maybe(panel, "findings-none").isPresent(), "not run yet");
        FindingsPanelTest.<Button>find(panel, "case-verify").click();
        assertEquals(1, changes.get(), "the card is told (its journal changed)");
        Component first = find(panel, "finding-missing-document");
        String text = first.getElement().getTextRecursively();
        assertTrue(text.contains("«Заява»") && text.contains("!{crm.check.ui.severity.ERROR}!"), text);
        // the rule fired twice: both listed, the first one keeps the ids
        assertEquals(2, all(panel).filter(c -> "missing-document".equals(c.getElement().getAttribute("data-rule"))).count());
        assertEquals(1, all(panel).filter(c -> c.getId().filter("override-missing-document"::equals).isPresent()).count());
    }

    @Test
    void theBackOfficeReadsWhyItMayNotVerify() {
        FindingsPanel panel = new FindingsPanel(setup.verification(), null, setup.executor, caseId, null,
                setup.settings().timeZone());
        assertFalse(FindingsPanelTest.<Button>find(panel, "case-verify").isVisible());
        assertTrue(find(panel, "findings-list").getElement().getTextRecursively().contains("crm.check.forbidden"));
    }

    @Test
    void anOverrideAsksForAReasonAndIsShown() {
        setup.verification().verify(setup.administrator, caseId);
        FindingsPanel panel = panel();
        FindingsPanelTest.<Button>find(panel, "override-missing-document").click();
        TextArea reason = opened("override-reason");
        reason.setValue("бо так");
        FindingsPanelTest.<Button>find(ui, "override-confirm").click();
        assertTrue(reason.isInvalid());
        assertEquals("!{crm.check.reasonShort}!", reason.getErrorMessage());
        assertEquals(0, changes.get());

        reason.setValue("Заяву подано через Дію, оригінал принесуть завтра");
        FindingsPanelTest.<Button>find(ui, "override-confirm").click();
        assertEquals(1, changes.get());
        String text = find(panel, "finding-missing-document").getElement().getTextRecursively();
        assertTrue(text.contains("Заяву подано через Дію"), text);
        // the second missing document is still open: its button now carries the id
        assertTrue(maybe(panel, "override-missing-document").isPresent());
        assertEquals(1L, (long) setup.database().read(c -> Statements.first(c, "SELECT count(*) FROM crm.case_step"
                + " WHERE case_id = ? AND action = 'override'", rs -> rs.getLong(1), caseId).orElseThrow()));
    }

    @Test
    void aScanFindingShowsTheCropOfItsRegion() throws Exception {
        long document = setup.database().read(c -> Statements.first(c, "SELECT id FROM crm.case_document WHERE case_id = ?"
                + " ORDER BY id LIMIT 1", rs -> rs.getLong(1), caseId).orElseThrow());
        BufferedImage page = new BufferedImage(800, 400, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(page, "png", png);
        long scan = fx.scan(caseId, document, "id.png", "image/png", png.toByteArray());
        // a mismatch as a run of the OCR leaves it (the OCR itself is crm-verification's test)
        fx.execute("INSERT INTO crm.case_finding (case_id, rule, subject, severity, message, evidence, scan_id, region,"
                + " fired_at, checked_at) VALUES (?, 'scan-mismatch', 'скан #1: РНОКПП', 'ERROR',"
                + " 'У скані «id.png» РНОКПП 3117700123, у заяві 3117700124', 'РНОКПП: 3117700123', ?, '{1,100,120,300,50}', now(), now())",
                caseId, scan);
        FindingsPanel panel = panel();
        Component finding = find(panel, "finding-scan-mismatch");
        assertTrue(all(finding).anyMatch(c -> c instanceof Image && c.hasClassName("crm-finding-crop")));
        assertTrue(finding.getElement().getTextRecursively().contains("!{crm.check.ui.evidence}!"));

        byte[] crop = ScanCrop.of(png.toByteArray(), new TextRegion(1, 100, 120, 300, 50)).orElseThrow();
        BufferedImage cropped = ImageIO.read(new java.io.ByteArrayInputStream(crop));
        assertEquals(300 + 2 * ScanCrop.MARGIN, cropped.getWidth());
        assertEquals(50 + 2 * ScanCrop.MARGIN, cropped.getHeight());
        assertFalse(ScanCrop.of("%PDF-1.4".getBytes(), new TextRegion(1, 0, 0, 10, 10)).isPresent(), "a PDF: in words");
    }
}
