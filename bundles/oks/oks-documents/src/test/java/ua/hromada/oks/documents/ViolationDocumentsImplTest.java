package ua.hromada.oks.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.DocumentDetails;
import ua.hromada.oks.api.DocumentRegister;
import ua.hromada.oks.api.IssuedDocument;
import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.TransitionRequest;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.api.ViolationDocuments.Kind;
import ua.hromada.oks.api.Violator;
import ua.hromada.oks.service.DocumentTestSetup;
import ua.hromada.oks.service.OksTestSetup;
import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.testing.BundleTexts;
import ua.hromada.portal.testing.ShippedConfig;
import ua.hromada.portal.testing.TestPortalSettings;

/**
 * The component over the real OKS service and document register on PostgreSQL, with the shipped
 * config file and the shipped templates: each PDF read back with PDFBox. Until the shipped catalogue
 * has an action that produces a document, SENT is marked as producing a warning and EXTENDED a
 * protocol (as an administrator marks an action).
 */
class ViolationDocumentsImplTest {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final Violator PERSON = new Violator(Violator.Kind.PERSON, "Шевченко Тарас Григорович", null,
            "3112001232", "м. Полтава, вул. Соборності, 10, кв. 5");
    private static OksTestSetup oks;
    private static DocumentRegister register;
    private static ViolationDocumentsImpl documents;
    private static Properties shipped;
    private static long article152;
    /** The portal's settings as shipped: the community's time zone Europe/Kyiv. */
    private static final PortalSettings KYIV = new TestPortalSettings();

    @BeforeAll
    static void setUp() throws IOException {
        oks = new OksTestSetup();
        register = DocumentTestSetup.register(oks);
        DocumentTestSetup.produces(oks, "SENT", Kind.WARNING);
        DocumentTestSetup.produces(oks, "EXTENDED", Kind.PROTOCOL);
        shipped = ShippedConfig.read(DocumentsConfig.PID);
        documents = new ViolationDocumentsImpl(oks.violations(), register, KYIV, oks.communities(),
                ShippedConfig.as(DocumentsConfig.class, shipped));
        article152 = register.articles(false).stream().filter(a -> a.code().equals("ст. 152 КУпАП")).findFirst()
                .orElseThrow().id();
    }

    @AfterAll
    static void tearDown() {
        oks.close();
    }

    private Violation sent(String description) {
        Violation v = oks.register(description);
        return oks.violations().transition(oks.inspector, v.id(), new TransitionRequest(ActionKind.SENT,
                "Усунути до кінця тижня", oks.org.id(), oks.today().plusDays(10), List.of()));
    }

    private IssuedDocument issue(Violation v, String witnesses, String explanation) {
        long step = register.awaiting(oks.inspector, v.id()).get(0).journalEntryId();
        return register.issue(oks.inspector, v.id(), step, new DocumentDetails(PERSON, article152, witnesses, explanation));
    }

    static String text(byte[] pdf) {
        try {
            return PdfRendererTest.text(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theIssuedWarningCarriesItsNumberViolatorArticleAndRequisitesOnEveryPrint() {
        Violation v = sent("Сухе дерево біля зупинки «Центр», загрожує перехожим");
        IssuedDocument doc = issue(v, null, null);
        String warning = text(documents.print(oks.inspector, doc.id()));
        for (String expected : List.of("ПОЛТАВСЬКА МІСЬКА РАДА", shipped.getProperty("department"),
                shipped.getProperty("address"), shipped.getProperty("phone"), shipped.getProperty("email"),
                shipped.getProperty("city"), shipped.getProperty("signer.position"), "ПОПЕРЕДЖЕННЯ",
                "№ " + doc.number(), "Реєстраційний номер " + doc.number(), DATE.format(oks.today()),
                "Кому: фізична особа Шевченко Тарас Григорович, РНОКПП 3112001232, адреса: м. Полтава, вул. Соборності, 10, кв. 5.",
                "Правова підстава: ст. 152 КУпАП «Порушення державних стандартів, норм і правил у сфері благоустрою"
                        + " населених пунктів, правил благоустрою територій населених пунктів»",
                "Номер порушення (ID) " + v.id(), oks.type("trees").name(), "вул. Соборності, 1",
                "Сухе дерево біля зупинки «Центр», загрожує перехожим", "КП «Декоративні культури»",
                "Вимагаємо усунути порушення до " + DATE.format(v.deadline()), "Інна Інспекторка")) {
            assertTrue(warning.contains(expected), () -> "missing «" + expected + "» in: " + warning);
        }
        assertTrue(doc.number().matches("П-\\d+/" + oks.today().getYear()), doc.number());

        // a reprint days later: the same number and date of issue, whichever way it is asked for
        String today = DATE.format(oks.today());
        oks.clock().advance(Duration.ofDays(2));
        String reprint = text(documents.print(oks.inspector, doc.id()));
        String byKind = text(documents.render(oks.executor, v.id(), Kind.WARNING));
        for (String again : List.of(reprint, byKind)) {
            assertTrue(again.contains("№ " + doc.number()) && again.contains(today), again);
            assertFalse(again.contains(DATE.format(oks.today())), "not the print date: " + again);
        }
        assertEquals(List.of(doc), register.issued(oks.inspector, v.id()), "printing issued nothing");
        assertEquals(Set.of(Kind.WARNING), documents.available(oks.inspector, v.id()));
    }

    @Test
    void theProtocolCarriesWitnessesTheExplanationAndTheJournal() {
        Violation v = sent("Будівельне сміття на газоні");
        issue(v, null, null);
        oks.violations().transition(oks.inspector, v.id(), new TransitionRequest(ActionKind.EXTENDED, "Ще тиждень", null,
                v.deadline().plusDays(7), List.of()));
        IssuedDocument protocol = issue(v, "Іваненко Іван Іванович, м. Полтава, вул. Європейська, 1", "Сміття не наше");
        String text = text(documents.print(oks.inspector, protocol.id()));
        for (String expected : List.of("ПРОТОКОЛ", "про адміністративне правопорушення у сфері благоустрою",
                "№ " + protocol.number(), "Я, Інна Інспекторка, склав(ла) цей протокол",
                "Свідки: Іваненко Іван Іванович, м. Полтава, вул. Європейська, 1.", "Пояснення порушника: Сміття не наше.",
                "Відповідальність передбачено: ст. 152 КУпАП", "Хід розгляду", "1-1", "Виявлено порушення",
                "Направлено виконавцю", "Усунути до кінця тижня", "Ще тиждень", "Порушник (ознайомлений)")) {
            assertTrue(text.contains(expected), () -> "missing «" + expected + "» in: " + text);
        }
        assertTrue(protocol.number().startsWith("ПР-1/"), "protocols are numbered apart: " + protocol.number());
        assertEquals(Set.of(Kind.WARNING, Kind.PROTOCOL), documents.available(oks.inspector, v.id()));
    }

    @Test
    void aCommunityPrintsItsOwnRequisites() {
        oks.communities().add(new ua.hromada.portal.api.community.Community("reshetylivka",
                List.of("reshetylivka.portal.example"), java.util.Set.of(), java.util.Map.of(
                        DocumentsConfig.PID + "/council.name", "Решетилівська міська рада",
                        DocumentsConfig.PID + "/edrpou", "04057287",
                        DocumentsConfig.PID + "/city", "м. Решетилівка")));
        String own = oks.communities().callAs("reshetylivka", () -> {
            ua.hromada.oks.api.ExecutorOrganisation zhkg = oks.catalog().saveExecutor(oks.admin,
                    new ua.hromada.oks.api.ExecutorOrganisation(0, "КП «Решетилівське ЖКГ»", null, null, true, List.of()));
            // after the community's first OKS work, which gave it the shipped catalogue
            DocumentTestSetup.produces(oks, "SENT", Kind.WARNING);
            Violation v = oks.violations().transition(oks.inspector, oks.register("Сухе дерево").id(),
                    new TransitionRequest(ActionKind.SENT, null, zhkg.id(), oks.today().plusDays(10), List.of()));
            long article = register.articles(false).get(0).id();
            long step = register.awaiting(oks.inspector, v.id()).get(0).journalEntryId();
            IssuedDocument doc = register.issue(oks.inspector, v.id(), step, new DocumentDetails(PERSON, article, null, null));
            assertTrue(doc.number().startsWith("П-1/"), "its own sequence: " + doc.number());
            return text(documents.print(oks.inspector, doc.id()));
        });
        assertTrue(own.contains("РЕШЕТИЛІВСЬКА МІСЬКА РАДА"), own);
        assertTrue(own.contains("код ЄДРПОУ 04057287"), own);
        assertTrue(own.contains("м. Решетилівка"), own);
        assertTrue(own.contains(shipped.getProperty("department")), "a key it does not set is the shared one");
        assertFalse(own.contains("ПОЛТАВСЬКА МІСЬКА РАДА"), own);
    }

    @Test
    void nothingIsPrintedBeforeItIsIssued() {
        Violation v = sent("Ще без документа");
        assertEquals(Set.of(), documents.available(oks.inspector, v.id()));
        OksException e = assertThrows(OksException.class, () -> documents.render(oks.inspector, v.id(), Kind.WARNING));
        assertEquals(OksException.Reason.CONFLICT, e.reason());
        assertEquals("oks.documents.error.notIssued", e.messageKey());
        assertEquals(String.valueOf(v.id()), e.args()[0]);
    }

    @Test
    void anotherOrganisationsExecutorSeesNothing() {
        Violation v = sent("Сміття на газоні");
        IssuedDocument doc = issue(v, null, null);
        assertEquals("oks.documents.error.documentNotFound",
                assertThrows(OksException.class, () -> documents.print(oks.otherExecutor, doc.id())).messageKey());
        OksException e = assertThrows(OksException.class, () -> documents.render(oks.otherExecutor, v.id(), Kind.WARNING));
        assertEquals(OksException.Reason.NOT_FOUND, e.reason());
        assertEquals(Set.of(), documents.available(oks.otherExecutor, v.id()));
        assertTrue(documents.print(oks.executor, doc.id()).length > 1000, "the case's own executor prints it");
    }

    @Test
    void ukrainianAndEnglishFilesHaveTheSameKeys() throws IOException {
        Properties uk = BundleTexts.load(DocumentsMessages.class, "/i18n/oks-documents.properties");
        Properties en = BundleTexts.load(DocumentsMessages.class, "/i18n/oks-documents_en.properties");
        assertEquals(uk.keySet(), en.keySet());
    }

    @Test
    void everyRefusalHasUkrainianAndEnglishText() {
        MessageBundle messages = new DocumentsMessages();
        for (String key : List.of("oks.documents.error.notFound", "oks.documents.error.notIssued",
                "oks.documents.error.documentNotFound")) {
            assertTrue(messages.message(key, Locale.forLanguageTag("uk")).orElseThrow().contains("№"), key);
            assertTrue(messages.message(key, Locale.ENGLISH).orElseThrow().contains("No."), key);
        }
    }
}
