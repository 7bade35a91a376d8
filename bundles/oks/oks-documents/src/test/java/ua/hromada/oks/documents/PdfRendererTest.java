package ua.hromada.oks.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import ua.hromada.oks.api.DocumentTemplate;
import ua.hromada.oks.api.IssuedDocument;
import ua.hromada.oks.api.LegalArticle;
import ua.hromada.oks.api.Urgency;
import ua.hromada.oks.api.ViolationDocuments.Kind;
import ua.hromada.oks.api.Violator;

/** The layout alone, from a hand-made record: the PDF is read back with PDFBox. */
class PdfRendererTest {
    static final Requisites POLTAVA = new Requisites("Полтавська міська рада", "Управління цифрового розвитку",
            "вул. Соборності, 36, м. Полтава, 36000", "(0532) 56-00-00", "info@rada-poltava.gov.ua", "24388300",
            "Начальник управління", "Олена КОВАЛЕНКО", "м. Полтава");

    private final PdfRenderer renderer = new PdfRenderer(POLTAVA, ZoneId.of("Europe/Kyiv"), new Texts(Texts.UKRAINIAN));

    static final DocumentTemplate WARNING = new DocumentTemplate(Kind.WARNING,
            "ПОПЕРЕДЖЕННЯ\nпро усунення порушення правил благоустрою\n№ {number}",
            "Кому: {violator}.\n\nВиявлено порушення за адресою: {address} ({type}): {description}.\n\n"
                    + "Правова підстава: {article}.\n\nВимагаємо усунути порушення до {deadline}.", "П-{seq}/{year}", 0);
    static final DocumentTemplate PROTOCOL = new DocumentTemplate(Kind.PROTOCOL,
            "ПРОТОКОЛ\nпро адміністративне правопорушення у сфері благоустрою\n№ {number}",
            "Я, {inspector}, склав(ла) цей протокол про те, що {violator} допущено порушення.\n\n"
                    + "Відповідальність передбачено: {article}.\n\nСвідки: {witnesses}.\n\nПояснення порушника: {explanation}.",
            "ПР-{seq}/{year}", 0);

    static IssuedDocument issued(Kind kind, Violator violator, String witnesses, String explanation) {
        return new IssuedDocument(7, 4217, 31, kind, kind == Kind.WARNING ? "П-12/2026" : "ПР-3/2026",
                Instant.parse("2026-11-23T09:00:00Z"), LocalDate.of(2026, 11, 23), "inspector", "Іван Петренко", violator,
                new LegalArticle(1, "ст. 152 КУпАП", "Порушення державних стандартів, норм і правил у сфері благоустрою"
                        + " населених пунктів, правил благоустрою територій населених пунктів", true, 0),
                witnesses, explanation, null);
    }

    static final Violator ORGANISATION = new Violator(Violator.Kind.ORGANISATION, "ТОВ «Зелена Полтава»", null, "14360570",
            "м. Полтава, вул. Зінківська, 6");

    static DocumentData data(Kind kind) {
        return data(issued(kind, ORGANISATION, "Іваненко Іван, м. Полтава", "Не встигли вивезти гілки"), steps());
    }

    static List<DocumentData.Step> steps() {
        return List.of(new DocumentData.Step(Instant.parse("2026-11-20T08:15:00Z"), "1-18", "Виявлено порушення (терміново)",
                        "Іван Петренко", "Загроза падіння", null, null),
                new DocumentData.Step(Instant.parse("2026-11-20T09:40:00Z"), "2-2", "Направлено виконавцю",
                        "Іван Петренко", "Прошу усунути негайно", LocalDate.of(2026, 12, 4), "КП «Декоративні культури»"));
    }

    static DocumentData data(IssuedDocument doc, List<DocumentData.Step> steps) {
        return new DocumentData(doc, doc.kind() == Kind.WARNING ? WARNING : PROTOCOL, "Дерева та зелені насадження",
                "вул. Європейська, 12", 49.589412, 34.551367,
                "Аварійне дерево нахилилося над тротуаром, гілки торкаються проводів. " + "Довгий опис, що переноситься. ".repeat(12),
                Urgency.URGENT, "КП «Декоративні культури»", LocalDate.of(2026, 12, 4), "Іван Петренко",
                Instant.parse("2026-11-20T08:15:00Z"), "2-2", "Направлено виконавцю", steps);
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = PDDocument.load(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void warningCarriesRequisitesAndTheCard() throws IOException {
        byte[] pdf = renderer.render(data(Kind.WARNING));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "sample-warning.pdf"), pdf); // to look at
        assertTrue(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).startsWith("%PDF-"));
        String text = text(pdf);
        for (String expected : List.of("ПОЛТАВСЬКА МІСЬКА РАДА", "Управління цифрового розвитку", "вул. Соборності, 36",
                "(0532) 56-00-00", "info@rada-poltava.gov.ua", "код ЄДРПОУ 24388300", "м. Полтава", "23.11.2026",
                "ПОПЕРЕДЖЕННЯ", "№ П-12/2026", "Реєстраційний номер П-12/2026", "Дерева та зелені насадження", "вул. Європейська, 12",
                "49.589412, 34.551367", "Аварійне дерево нахилилося над тротуаром", "ТОВ «Зелена Полтава»",
                "КП «Декоративні культури»", "04.12.2026", "Іван Петренко", "термінове",
                "Вимагаємо усунути порушення до 04.12.2026", "Начальник управління", "Олена КОВАЛЕНКО",
                "Кому: юридична особа ТОВ «Зелена Полтава», код ЄДРПОУ 14360570, адреса: м. Полтава, вул. Зінківська, 6.",
                "Правова підстава: ст. 152 КУпАП «Порушення державних стандартів, норм і правил у сфері благоустрою",
                "П-12/2026, аркуш 1")) {
            assertTrue(text.contains(expected), () -> "missing «" + expected + "» in: " + text);
        }
        assertFalse(text.contains("ПРОТОКОЛ"));
        assertFalse(text.contains("Іваненко Іван"), "witnesses belong to a protocol's template");
    }

    @Test
    void protocolListsTheJournalSteps() throws IOException {
        byte[] pdf = renderer.render(data(Kind.PROTOCOL));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "sample-protocol.pdf"), pdf); // to look at
        String text = text(pdf);
        for (String expected : List.of("ПРОТОКОЛ", "про адміністративне правопорушення у сфері благоустрою", "№ ПР-3/2026",
                "Я, Іван Петренко, склав(ла) цей протокол", "Свідки: Іваненко Іван, м. Полтава",
                "Пояснення порушника: Не встигли вивезти гілки", "Відповідальність передбачено: ст. 152 КУпАП",
                "Хід розгляду", "1-18", "Виявлено порушення (терміново)", "Загроза падіння", "20.11.2026 10:15",
                "20.11.2026 11:40", "Прошу усунути негайно", "Порушник (ознайомлений)")) {
            assertTrue(text.contains(expected), () -> "missing «" + expected + "» in: " + text);
        }
    }

    @Test
    void longJournalRunsOverPagesWithNumberedSheets() throws IOException {
        DocumentData d = data(Kind.PROTOCOL);
        List<DocumentData.Step> steps = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            steps.add(new DocumentData.Step(Instant.parse("2026-11-20T09:40:00Z").plusSeconds(3600L * i), "3-9",
                    "Термін продовжено", "Іван Петренко", "Крок " + i, LocalDate.of(2026, 12, 4), "КП «Декоративні культури»"));
        }
        DocumentData longOne = data(d.document(), steps);
        byte[] pdf = renderer.render(longOne);
        try (PDDocument doc = PDDocument.load(pdf)) {
            assertTrue(doc.getNumberOfPages() >= 3, "pages: " + doc.getNumberOfPages());
        }
        String text = text(pdf);
        assertTrue(text.contains("ПР-3/2026, аркуш 1"), text);
        assertTrue(text.contains("ПР-3/2026, аркуш 3"), text);
        assertTrue(text.contains("Крок 0") && text.contains("Крок 59"), text);
    }

    @Test
    void journalCellsWrapAtWordBoundariesNeverMidWord() throws IOException {
        DocumentData d = data(Kind.PROTOCOL);
        List<DocumentData.Step> steps = List.of(
                new DocumentData.Step(Instant.parse("2026-11-20T08:15:00Z"), "1-1", "Виявлено порушення",
                        "Олена Інспекторенко", "Гілки на тротуарі", null, null),
                new DocumentData.Step(Instant.parse("2026-11-21T08:15:00Z"), "2-2", "Направлено виконавцю",
                        "Костянтин Володимиренко-Задніпровський", "Усунути", LocalDate.of(2026, 12, 4),
                        "КП «Декоративні культури»"));
        DocumentData named = data(d.document(), steps);
        // a word broken inside a cell comes out of the text extraction as two pieces ("Інспекторенк о");
        // a double surname may wrap after its own hyphen, a word boundary
        String text = text(renderer.render(named)).replace("- ", "-");
        for (String word : List.of("Інспекторенко", "Володимиренко-Задніпровський", "Декоративні", "виконавцю")) {
            assertTrue(text.contains(word), () -> "«" + word + "» is broken in: " + text);
        }
    }

    @Test
    void columnWidthsGiveEachColumnItsLongestWordAndKeepTheTotal() {
        float[] w = PdfRenderer.fitWords(100, new float[] {1, 1, 2}, new float[] {10, 50, 10});
        assertEquals(100, w[0] + w[1] + w[2], 0.01);
        assertTrue(w[1] >= 50, "raised to its longest word: " + w[1]);
        assertTrue(w[2] > w[0], "the rest keeps its proportions: " + java.util.Arrays.toString(w));
        float[] tight = PdfRenderer.fitWords(60, new float[] {1, 1}, new float[] {40, 40});
        assertEquals(60, tight[0] + tight[1], 0.01, "never wider than the page");
    }

    @Test
    void embedsDejaVuSoCyrillicPrintsEverywhere() throws IOException {
        try (PDDocument doc = PDDocument.load(renderer.render(data(Kind.PROTOCOL)))) {
            var resources = doc.getPage(0).getResources();
            int embedded = 0;
            for (var name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                assertTrue(font.getName().contains("DejaVuSans"), font.getName());
                if (font.isEmbedded()) {
                    embedded++;
                }
            }
            assertEquals(2, embedded, "regular and bold embedded");
        }
    }

    @Test
    void aPersonIsNamedWithTheTaxNumberAndMissingValuesAreSaidPlainly() throws IOException {
        Violator person = new Violator(Violator.Kind.PERSON, "Шевченко Тарас Григорович", null, "3112001232", "м. Полтава, вул. Соборності, 10");
        String text = text(renderer.render(data(issued(Kind.PROTOCOL, person, null, null), steps())));
        assertTrue(text.contains("фізична особа Шевченко Тарас Григорович, РНОКПП 3112001232, адреса: м. Полтава, вул. Соборності, 10"), text);
        assertTrue(text.contains("Свідки: не встановлено."), text);
        assertTrue(text.contains("Пояснення порушника: не встановлено."), text);
        assertTrue(text.contains("Шевченко Тарас Григорович"), "signs as the violator");
    }

    @Test
    void blankRequisitesAreLeftOut() throws IOException {
        PdfRenderer bare = new PdfRenderer(new Requisites("", "", "", "", "", "", "", "", ""), ZoneId.of("Europe/Kyiv"),
                new Texts(Texts.UKRAINIAN));
        String text = text(bare.render(data(Kind.WARNING)));
        assertFalse(text.contains("ЄДРПОУ 2"), text);
        assertFalse(text.contains("тел."), text);
        assertTrue(text.contains("ПОПЕРЕДЖЕННЯ"), text);
    }
}
