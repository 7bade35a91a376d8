package ua.hromada.opendata.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ua.hromada.opendata.api.AuditReports;
import ua.hromada.opendata.api.AuditRuleExplanations;
import ua.hromada.opendata.api.AuditRuleExplanations.Explanation;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.audit.rules.Rules;
import ua.hromada.portal.testing.TestCommunities;

/**
 * Methodical explanations: the shipped Ukrainian text of every rule, a community's own text (its
 * administrator's, audited), reset, validation, and the report carrying the text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuleExplanationsTest {
    private AuditFixture f;

    @BeforeAll
    void start() {
        f = new AuditFixture();
    }

    @AfterAll
    void stop() {
        f.close();
    }

    @Test
    void everyRuleHasItsShippedUkrainianText() {
        List<Explanation> all = f.explanations.explanations();
        assertEquals(Rules.all().stream().map(r -> r.id()).toList(), all.stream().map(Explanation::ruleId).toList());
        for (Explanation e : all) {
            assertFalse(e.edited(), e.ruleId());
            assertEquals(e.shipped(), e.text());
            assertTrue(e.text().startsWith("Що перевіряється:") && e.text().contains("Як виправити:"), e.ruleId());
        }
        assertTrue(f.explanations.explanation("overdue-update").text().contains("стаття 10-1 Закону України"));
    }

    @Test
    void anAdministratorEditsACommunitysTextAndResetsIt() {
        TestCommunities communities = f.registrySetup.communities().add("a", "a.test").add("b", "b.test");
        String own = "Що перевіряється: наш текст для громади а.\r\nЯк виправити: зверніться до відділу цифрового розвитку.";
        communities.runAs("a", () -> {
            Explanation saved = f.explanations.save(f.registrySetup.admin, "csv-encoding", "  " + own + "  ");
            assertTrue(saved.edited());
            assertEquals(own.replace("\r\n", "\n"), saved.text());
            assertEquals("admin", saved.changedBy());
            assertEquals(f.db.clock().instant(), saved.changedAt());
        });
        communities.runAs("b", () -> assertFalse(f.explanations.explanation("csv-encoding").edited(),
                "another community keeps the shipped text"));
        communities.runAs("a", () -> {
            assertEquals(own.replace("\r\n", "\n"), f.explanations.explanations().stream()
                    .filter(e -> e.ruleId().equals("csv-encoding")).findFirst().orElseThrow().text());
            Explanation reset = f.explanations.save(f.registrySetup.admin, "csv-encoding", "   ");
            assertFalse(reset.edited(), "empty: the shipped text again");
            assertEquals(reset.shipped(), reset.text());
            f.explanations.save(f.registrySetup.admin, "csv-header", "Свій текст");
            assertFalse(f.explanations.reset(f.registrySetup.admin, "csv-header").edited());
        });
        List<String> logged = f.registrySetup.audit().stream().filter(x -> x.entityType().equals("audit-rule-explanation")
                && List.of("csv-encoding", "csv-header").contains(x.entityId()))
                .map(x -> x.entityId() + " " + x.action() + " " + x.actor()).toList();
        assertEquals(List.of("csv-encoding update admin", "csv-encoding reset admin", "csv-header update admin",
                "csv-header reset admin"), logged);
    }

    @Test
    void onlyAnAdministratorChangesAndTheTextIsValidated() {
        OpendataException e = assertThrows(OpendataException.class,
                () -> f.explanations.save(f.registrySetup.auditor, "csv-encoding", "текст"));
        assertEquals(OpendataException.Reason.FORBIDDEN, e.reason());
        e = assertThrows(OpendataException.class, () -> f.explanations.save(f.registrySetup.admin, "csv-encoding",
                "я".repeat(AuditRuleExplanations.MAX_LENGTH + 1)));
        assertEquals(OpendataException.Reason.INVALID, e.reason());
        assertEquals("opendata.audit.explanation.tooLong", e.messageKey());
        assertEquals("Методичне пояснення задовге: 8 001 символів, а допустимо не більше 8 000.",
                ua.hromada.opendata.audit.rules.Texts.ukrainian().get(e.messageKey(), e.args()).replace('\u00a0', ' '));
        e = assertThrows(OpendataException.class, () -> f.explanations.save(f.registrySetup.admin, "no-such-rule", "x"));
        assertEquals(OpendataException.Reason.NOT_FOUND, e.reason());
        assertFalse(f.explanations.explanation("csv-encoding").edited(), "nothing saved");
    }

    @Test
    void theReportCarriesTheCommunitysExplanations() throws IOException {
        f.good(f.manager("Відділ"), "report-set");
        f.runAudit();
        f.explanations.save(f.registrySetup.admin, "csv-delimiter", "Наше пояснення до роздільника.");
        try {
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            f.reports.write(f.registrySetup.auditor, LocalDate.now(AuditSettings.defaults().zone()), AuditReports.Format.PDF,
                    pdf);
            String text;
            try (PDDocument doc = PDDocument.load(new ByteArrayInputStream(pdf.toByteArray()))) {
                text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            }
            assertTrue(text.contains("6. Методичні пояснення до правил"), text);
            assertTrue(text.contains("Наше пояснення до роздільника."), text);
            assertTrue(text.contains("Що перевіряється: чи збережено CSV у кодуванні UTF-8."), "the shipped text of the others");
        } finally {
            f.explanations.reset(f.registrySetup.admin, "csv-delimiter");
        }
    }
}
