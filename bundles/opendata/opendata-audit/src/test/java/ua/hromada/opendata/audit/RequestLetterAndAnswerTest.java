package ua.hromada.opendata.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import ua.hromada.opendata.api.AuditRun;
import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.DataRequests.LetterFormat;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.Finding;
import ua.hromada.opendata.api.OfficialRequest;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.audit.rules.Texts;
import ua.hromada.portal.testing.ShippedConfig;
import ua.hromada.portal.testing.TestImages;
import ua.hromada.portal.testing.TestPortalSettings;

/**
 * Official requests (issue 16): the letter as DOCX (its XML read back) and PDF (read with PDFBox),
 * the answer's deadline in working days, overdue answers, and the answer's file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestLetterAndAnswerTest {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private AuditFixture f;
    private DataManager manager;
    private Finding finding;
    private LocalDate today;
    private int numbers;

    @BeforeAll
    void setUp() {
        f = new AuditFixture();
        manager = f.manager("Управління ЖКГ");
        Dataset d = f.save(AuditFixture.passport(manager, "housing"));
        f.upload(d, "CSV", "housing.csv", "1,Полтава\n".getBytes(StandardCharsets.UTF_8));
        AuditRun run = f.runAudit();
        finding = f.findings(run, d).get(0);
        today = new TestPortalSettings().clocked(f.clock).today();
    }

    @AfterAll
    void tearDown() {
        f.close();
    }

    /** A request to the manager about the finding, sent that day, without a due date unless given. */
    private OfficialRequest request(DataRequestsImpl service, LocalDate sentOn, LocalDate dueOn) {
        return service.save(f.registrySetup.auditor, new OfficialRequest(0, manager.id(), null, "01-12/" + (++numbers), sentOn,
                dueOn, "Про усунення порушень оприлюднення наборів даних",
                "Під час аудиту виявлено порушення.\nПросимо їх усунути.", null, null, List.of(finding.id())));
    }

    private OfficialRequest answered(OfficialRequest r, LocalDate on, String fileName, byte[] file) {
        return f.requests.save(f.registrySetup.auditor, new OfficialRequest(r.id(), r.managerId(), null, r.number(),
                r.sentOn(), r.dueOn(), r.subject(), r.text(), on, "Порушення усунено", r.findingIds(), r.version()),
                fileName, file);
    }

    private byte[] letter(long id, LetterFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        f.requests.writeLetter(f.registrySetup.viewer, id, format, out);
        return out.toByteArray();
    }

    @Test
    void theLetterSaysWhoAsksWhomWhatWhyAndByWhen() throws Exception {
        LocalDate sent = today.minusDays(20);
        OfficialRequest r = request(f.requests, sent, null);
        String due = DATE.format(f.requests.answerDeadline(sent));
        String rule = Texts.ukrainian().get("opendata.audit.rule." + finding.rule() + ".title");
        List<String> expected = List.of("Полтавська міська рада", "вих. № " + r.number() + " від " + DATE.format(sent),
                "Розпоряднику інформації: Управління ЖКГ", "Про усунення порушень оприлюднення наборів даних",
                "Під час аудиту виявлено порушення.", "Просимо їх усунути.", "Виявлені порушення",
                "1. " + rule + " — набір даних «" + finding.datasetTitle() + "»: " + finding.explanation(),
                "постановою Кабінету Міністрів України від 21 жовтня 2015 р. № 835",
                "стаття 10-1 Закону України «Про доступ до публічної інформації»",
                "не пізніше " + due + " (строк — 5 робочих днів від дня надіслання листа)");

        List<String> paragraphs = docxParagraphs(letter(r.id(), LetterFormat.DOCX));
        String docx = String.join("\n", paragraphs);
        for (String text : expected) {
            assertTrue(docx.contains(text), text + " in\n" + docx);
        }
        assertEquals("Полтавська міська рада", paragraphs.get(0), "the council heads the letter");
        assertTrue(paragraphs.indexOf("Під час аудиту виявлено порушення.") >= 0, "each line of the text its paragraph");

        // the PDF's lines break where the layout puts them (a hyphen may end one): compared without spaces
        String pdf;
        try (PDDocument doc = PDDocument.load(letter(r.id(), LetterFormat.PDF))) {
            pdf = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
        for (String text : expected) {
            assertTrue(pdf.contains(text.replaceAll("\\s+", "")), text + " in\n" + pdf);
        }

        // a date typed is the letter's deadline, without the working days it was not counted in
        OfficialRequest typed = request(f.requests, sent, sent.plusDays(30));
        String typedText = String.join("\n", docxParagraphs(letter(typed.id(), LetterFormat.DOCX)));
        assertTrue(typedText.contains("не пізніше " + DATE.format(sent.plusDays(30)) + "."), typedText);
        assertFalse(typedText.contains("робочих днів"), typedText);

        OpendataException e = assertThrows(OpendataException.class,
                () -> f.requests.writeLetter(f.registrySetup.stranger, r.id(), LetterFormat.PDF, new ByteArrayOutputStream()));
        assertEquals("opendata.audit.error.forbidden", e.messageKey());
        e = assertThrows(OpendataException.class,
                () -> f.requests.writeLetter(f.registrySetup.viewer, 424242, LetterFormat.PDF, new ByteArrayOutputStream()));
        assertEquals("opendata.audit.error.request.notFound", e.messageKey());
    }

    /** The paragraphs of a DOCX's main part, each its runs' text joined (the XML must be well formed). */
    private static List<String> docxParagraphs(byte[] docx) throws Exception {
        byte[] document = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                if (e.getName().equals("word/document.xml")) {
                    document = zip.readAllBytes();
                }
            }
        }
        assertTrue(document != null, "word/document.xml");
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        NodeList ps = factory.newDocumentBuilder().parse(new ByteArrayInputStream(document))
                .getElementsByTagNameNS("http://schemas.openxmlformats.org/wordprocessingml/2006/main", "p");
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < ps.getLength(); i++) {
            String text = ((Element) ps.item(i)).getTextContent();
            if (!text.isBlank()) {
                out.add(text);
            }
        }
        return out;
    }

    @Test
    void theDeadlineSkipsTheWeekendAndTheConfiguredHolidays() {
        // a Thursday well in the past; the Monday after it a holiday in the configuration
        LocalDate thursday = today.minusDays(40).with(TemporalAdjusters.previousOrSame(DayOfWeek.THURSDAY));
        LocalDate monday = thursday.plusDays(4);
        RequestSettings configured = RequestSettings.of(ShippedConfig.as(AuditConfig.class,
                Map.of("holidays", monday + ", " + monday.plusDays(100), "requests.answer.working.days", 5)));
        DataRequestsImpl withHoliday = new DataRequestsImpl(f.db, f.registry(), f.registrySetup.auditLog(),
                new TestPortalSettings().clocked(f.clock), configured);

        // Fri 1, (Sat, Sun), Mon 2, Tue 3, Wed 4, Thu 5
        assertEquals(thursday.plusDays(7), f.requests.answerDeadline(thursday));
        // Fri 1, (Sat, Sun, Mon the holiday), Tue 2, Wed 3, Thu 4, Fri 5
        assertEquals(thursday.plusDays(8), withHoliday.answerDeadline(thursday));
        assertEquals(thursday.plusDays(8), request(withHoliday, thursday, null).dueOn(), "stored when no date is given");
        assertEquals(thursday.plusDays(3), request(withHoliday, thursday, thursday.plusDays(3)).dueOn(), "a date typed stays");

        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> RequestSettings.of(
                ShippedConfig.as(AuditConfig.class, Map.of("holidays", "08.03.2027"))));
        assertTrue(bad.getMessage().contains("08.03.2027"), bad.getMessage());
    }

    @Test
    void theShippedConfigurationRepeatsTheDefaults() throws IOException {
        RequestSettings shipped = RequestSettings.of(ShippedConfig.as(AuditConfig.class, ShippedConfig.read(AuditConfig.PID)));
        RequestSettings defaults = RequestSettings.defaults();
        assertEquals(defaults.answerWorkingDays(), shipped.answerWorkingDays());
        assertEquals(defaults.maxAnswerBytes(), shipped.maxAnswerBytes());
        assertEquals(defaults.calendar().holidays(), shipped.calendar().holidays());
    }

    @Test
    void anUnansweredRequestPastItsDeadlineIsOverdue() {
        OfficialRequest late = request(f.requests, today.minusDays(30), null);
        OfficialRequest answered = answered(request(f.requests, today.minusDays(30), null), today.minusDays(2), null, null);
        OfficialRequest fresh = request(f.requests, today, null);
        OfficialRequest dueToday = request(f.requests, today.minusDays(3), today);

        List<OfficialRequest> overdue = f.requests.overdue(f.registrySetup.viewer);
        assertTrue(overdue.contains(late), overdue.toString());
        for (OfficialRequest r : List.of(answered, fresh, dueToday)) {
            assertFalse(overdue.stream().anyMatch(o -> o.id() == r.id()), r.number() + " is not overdue");
        }
        // "today" is the portal's: ten days on, the fresh request's five working days are over
        f.clock.advance(Duration.ofDays(10));
        try {
            List<Long> later = f.requests.overdue(f.registrySetup.viewer).stream().map(OfficialRequest::id).toList();
            assertTrue(later.containsAll(List.of(late.id(), fresh.id(), dueToday.id())), later.toString());
            assertFalse(later.contains(answered.id()));
        } finally {
            f.clock.advance(Duration.ofDays(-10));
        }
    }

    @Test
    void theAnswerFileIsStoredJudgedByItsContentAndLimited() throws Exception {
        OfficialRequest r = request(f.requests, today.minusDays(5), null);
        byte[] pdf = AuditFixture.textPdf();
        OpendataException e = assertThrows(OpendataException.class,
                () -> f.requests.save(f.registrySetup.auditor, r, "відповідь.pdf", pdf));
        assertEquals("opendata.audit.error.request.fileWithoutAnswer", e.messageKey(), "a file belongs to an answer");

        OfficialRequest saved = answered(r, today, "C:\\Листи\\відповідь", pdf);
        assertEquals(new OfficialRequest.AnswerFile("відповідь.pdf", "application/pdf", pdf.length), saved.answerFile(),
                "named without folders, with its kind's extension");
        var stored = f.requests.answerFile(f.registrySetup.viewer, r.id()).orElseThrow();
        assertArrayEquals(pdf, stored.content());
        assertEquals("application/pdf", stored.mediaType());
        assertTrue(f.registrySetup.audit().stream().anyMatch(a -> a.entityType().equals("official-request")
                && a.changes().contains("answerFile: null → відповідь.pdf (application/pdf, " + pdf.length + " B)")),
                "the file is in the audit log");

        // a Word document (the letter itself will do), an image; each replaces the one before
        byte[] docx = letter(r.id(), LetterFormat.DOCX);
        saved = answered(saved, today, "answer.docx", docx);
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document", saved.answerFile().mediaType());
        byte[] png = TestImages.png(new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB));
        saved = answered(saved, today, "scan.png", png);
        assertEquals(new OfficialRequest.AnswerFile("scan.png", "image/png", png.length), saved.answerFile());
        OfficialRequest current = saved;

        // refused: a text named .pdf, a ZIP that is no Word document named .docx, nothing, too big
        refused("opendata.audit.error.request.fileType", () -> answered(current, today, "answer.pdf",
                "%PDX not really a PDF".getBytes(StandardCharsets.UTF_8)));
        refused("opendata.audit.error.request.fileType", () -> answered(current, today, "answer.docx", zip("notes.txt")));
        refused("opendata.audit.error.request.fileEmpty", () -> answered(current, today, "answer.pdf", new byte[0]));
        DataRequestsImpl small = new DataRequestsImpl(f.db, f.registry(), f.registrySetup.auditLog(),
                new TestPortalSettings().clocked(f.clock), new RequestSettings(5, RequestSettings.defaults().calendar(), 1024));
        OpendataException big = assertThrows(OpendataException.class, () -> small.save(f.registrySetup.auditor,
                current, "big.pdf", pdf.length > 1024 ? pdf : java.util.Arrays.copyOf(pdf, 2048)));
        assertEquals("opendata.audit.error.request.fileTooLarge", big.messageKey());
        assertEquals(List.of("big.pdf", 1L), List.of(big.args()));
        assertArrayEquals(png, f.requests.answerFile(f.registrySetup.viewer, r.id()).orElseThrow().content(),
                "nothing refused replaced the file");

        // the answer removed, its file goes with it
        OfficialRequest unanswered = f.requests.save(f.registrySetup.auditor, new OfficialRequest(r.id(), r.managerId(), null,
                r.number(), r.sentOn(), r.dueOn(), r.subject(), r.text(), null, null, r.findingIds(), current.version()));
        assertNull(unanswered.answerFile());
        assertTrue(f.requests.answerFile(f.registrySetup.viewer, r.id()).isEmpty());
        assertThrows(OpendataException.class, () -> f.requests.answerFile(f.registrySetup.stranger, r.id()));
    }

    private void refused(String key, org.junit.jupiter.api.function.Executable call) {
        assertEquals(key, assertThrows(OpendataException.class, call).messageKey());
    }

    private static byte[] zip(String entry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write("Відповідь".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
