package ua.hromada.opendata.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ua.hromada.opendata.api.AuditReports.Format;
import ua.hromada.opendata.api.AuditRun;
import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.Obligation;
import ua.hromada.opendata.api.OfficialRequest;
import ua.hromada.opendata.api.OpendataException;

/** The analytical report as PDF (text read back with PDFBox), DOCX (unzipped and parsed) and XLSX (read back with fastexcel-reader). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditReportsTest {
    private AuditFixture f;
    private LocalDate today;
    private AuditRun second;

    @BeforeAll
    void fixture() {
        f = new AuditFixture();
        var steward = f.registrySetup.steward;
        Obligation budget = f.registry().saveObligation(steward, new Obligation(0, "1", "Бюджет громади", null, null));
        DataManager finance = f.manager("Департамент фінансів");
        DataManager culture = f.manager("Управління культури");
        f.registry().setObligations(steward, finance.id(), List.of(budget.id()));
        f.registry().setObligations(steward, culture.id(), List.of(budget.id()));
        Dataset p = AuditFixture.passport(finance, "budget-2026");
        f.good(finance, "budget-2026-csv");
        Dataset linked = f.save(new Dataset(0, p.identifier(), "Бюджет 2026", p.description(), p.language(), p.formats(), null,
                p.firstPublished(), p.lastModified(), p.actualityDate(), p.frequency(), p.keywords(), List.of(),
                p.responsiblePerson(), p.responsibleEmail(), p.legalBasis(), p.purpose(), finance.id(), null, p.tags(),
                p.structure(), budget.id(), true, null, null));
        f.upload(linked, "CSV", "budget.csv", "1,Полтава\n".getBytes(StandardCharsets.UTF_8)); // no header
        f.save(AuditFixture.passport(culture, "museums")); // no resources
        today = LocalDate.ofInstant(f.clock.instant(), ZoneId.of("Europe/Kyiv"));
        AuditRun first = f.runAudit();
        f.requests.save(f.registrySetup.auditor, new OfficialRequest(0, culture.id(), null, "01-12/77", today, today.plusDays(14),
                "Про оприлюднення набору «Музеї»", "Просимо оприлюднити дані.", null, null,
                List.of(f.audit.findings(first.id(), null, culture.id()).get(0).id())));
        f.clock.advance(Duration.ofDays(2));
        second = f.runAudit();
    }

    @AfterAll
    void close() {
        f.close();
    }

    private byte[] report(LocalDate asOf, Format format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        f.reports.write(f.registrySetup.auditor, asOf, format, out);
        return out.toByteArray();
    }

    @Test
    void pdfHasTheTablesChartsAndUkrainianText() throws IOException {
        byte[] pdf = report(today.plusDays(2), Format.PDF);
        String text;
        try (PDDocument doc = PDDocument.load(pdf)) {
            text = new PDFTextStripper().getText(doc);
        }
        String flat = text.replaceAll("\\s+", " ");
        assertTrue(flat.contains("Аналітичний звіт про стан оприлюднення відкритих даних"), flat);
        assertTrue(flat.contains("За результатами аудиту № " + second.id()), flat);
        assertTrue(flat.contains("Оцінки розпорядників (0–100)"), "the scores chart's title");
        assertTrue(flat.contains("Департамент фінансів"), flat);
        assertTrue(flat.contains("Управління культури"), flat);
        assertTrue(flat.contains("Обов’язкові набори: стан оприлюднення"), "the compliance chart");
        assertTrue(flat.contains("Оприлюднено з порушеннями"), flat);
        assertTrue(flat.contains("Кількість порушень за правилами"), "the rules chart");
        assertTrue(flat.contains("CSV без рядка заголовків"), flat);
        assertTrue(flat.contains("01-12/77"), "the official request");
        assertTrue(flat.contains("Бюджет громади"), "the obligation legend");
        assertTrue(flat.contains("постанова КМУ від 21.10.2015 № 835"), "the rules legend names the rule");
    }

    @Test
    void theReportOfAnEarlierDateIsTheRunFinishedByThen() throws IOException {
        byte[] pdf = report(today, Format.PDF);
        try (PDDocument doc = PDDocument.load(pdf)) {
            String flat = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(flat.contains("За результатами аудиту № " + (second.id() - 1)), flat);
        }
        OpendataException none = assertThrows(OpendataException.class, () -> report(today.minusDays(1), Format.PDF));
        assertEquals(OpendataException.Reason.NOT_FOUND, none.reason());
        assertEquals(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy").format(today.minusDays(1)), none.args()[0],
                "the date as people write it");
        assertThrows(OpendataException.class, () -> f.reports.write(f.registrySetup.viewer, today, Format.PDF,
                new ByteArrayOutputStream()));
    }

    @Test
    void docxHasTheSameBlocksWithChartsAsPictures() throws Exception {
        byte[] docx = report(today.plusDays(2), Format.DOCX);
        String document = null;
        int pictures = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                byte[] bytes = zip.readAllBytes();
                if (e.getName().equals("word/document.xml")) {
                    document = new String(bytes, StandardCharsets.UTF_8);
                } else if (e.getName().startsWith("word/media/")) {
                    assertNotNull(ImageIO.read(new ByteArrayInputStream(bytes)), e.getName() + " is a picture");
                    pictures++;
                }
            }
        }
        assertNotNull(document);
        // well-formed XML, and its text is the report's
        var dom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)));
        String text = dom.getDocumentElement().getTextContent();
        assertTrue(text.contains("Аналітичний звіт про стан оприлюднення відкритих даних"), text);
        assertTrue(text.contains("Департамент фінансів"), text);
        assertTrue(text.contains("01-12/77"), text);
        assertTrue(text.contains("CSV без рядка заголовків"), text);
        assertEquals(3, pictures, "scores, compliance and rules charts");
    }

    @Test
    void xlsxHasTheSameTables() throws IOException {
        byte[] xlsx = report(today.plusDays(2), Format.XLSX);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals(List.of("Підсумок", "Розпорядники", "Матриця", "Порушення за правилами", "Набори", "Порушення",
                    "Запити", "Правила", "Методичні пояснення"), wb.getSheets().map(Sheet::getName).toList());
            List<Row> managers = wb.getSheets().filter(s -> s.getName().equals("Розпорядники")).findFirst().orElseThrow().read();
            assertEquals("Розпорядник", managers.get(0).getCellText(0));
            List<String> names = managers.stream().skip(1).map(r -> r.getCellText(0)).toList();
            assertEquals(List.of("Управління культури", "Департамент фінансів"), names, "worst score first");
            List<Row> matrix = wb.getSheets().filter(s -> s.getName().equals("Матриця")).findFirst().orElseThrow().read();
            assertEquals("Бюджет громади", matrix.get(0).getCellText(1), "the obligation's Ukrainian name, not its code");
            String cells = matrix.stream().skip(1).map(r -> r.getCellText(0) + "=" + r.getCellText(1))
                    .collect(Collectors.joining("; "));
            assertEquals("Департамент фінансів=Оприлюднено з порушеннями; Управління культури=Не оприлюднено", cells);
            List<Row> findings = wb.getSheets().filter(s -> s.getName().equals("Порушення")).findFirst().orElseThrow().read();
            assertEquals(second.findings() + 1, findings.size(), "every finding, plus the header");
            // a finding about a file names the file, not the resource's number
            List<String> resources = findings.stream().skip(1).map(r -> r.getCellText(4)).filter(t -> !t.isEmpty()).toList();
            assertTrue(resources.contains("budget.csv"), resources.toString());
            List<Row> requests = wb.getSheets().filter(s -> s.getName().equals("Запити")).findFirst().orElseThrow().read();
            assertEquals("01-12/77", requests.get(1).getCellText(0));
            List<Row> rules = wb.getSheets().filter(s -> s.getName().equals("Порушення за правилами")).findFirst().orElseThrow().read();
            assertEquals(17, rules.size());
            List<Row> methods = wb.getSheets().filter(s -> s.getName().equals("Методичні пояснення")).findFirst().orElseThrow()
                    .read();
            assertEquals("Методичне пояснення", methods.get(0).getCellText(3));
            assertEquals(17, methods.size(), "every rule, plus the header");
            assertTrue(methods.get(1).getCellText(3).startsWith("Що перевіряється:"), methods.get(1).getCellText(3));
        }
    }
}
