package ua.hromada.oks.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.TransitionRequest;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.api.ViolationDocuments.Kind;
import ua.hromada.oks.service.OksTestSetup;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.testing.ShippedConfig;
import ua.hromada.portal.testing.TestPortalSettings;
import ua.hromada.portal.testing.BundleTexts;

/** The component over the real OKS service on PostgreSQL, configured with the shipped config file. */
class ViolationDocumentsImplTest {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static OksTestSetup oks;
    private static ViolationDocumentsImpl documents;
    private static Properties shipped;
    /** The portal's settings as shipped: the community's time zone Europe/Kyiv. */
    private static final PortalSettings KYIV = new TestPortalSettings();

    @BeforeAll
    static void setUp() throws IOException {
        oks = new OksTestSetup();
        shipped = ShippedConfig.read(DocumentsConfig.PID);
        documents = new ViolationDocumentsImpl(oks.violations(), KYIV, oks.communities(),
                ShippedConfig.as(DocumentsConfig.class, shipped));
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

    @Test
    void warningAndProtocolOfASentViolation() throws IOException {
        Violation v = sent("Сухе дерево біля зупинки «Центр», загрожує перехожим");
        String deadline = DATE.format(v.deadline());

        String warning = PdfRendererTest.text(documents.render(oks.inspector, v.id(), Kind.WARNING));
        for (String expected : List.of("ПОЛТАВСЬКА МІСЬКА РАДА", shipped.getProperty("department"),
                shipped.getProperty("address"), shipped.getProperty("phone"), shipped.getProperty("email"),
                shipped.getProperty("city"), shipped.getProperty("signer.position"), "ПОПЕРЕДЖЕННЯ",
                "№ П-" + v.id() + "/", "Номер порушення (ID) " + v.id(), oks.type("trees").name(),
                "вул. Соборності, 1", "49.588300, 34.551400", "Сухе дерево біля зупинки «Центр», загрожує перехожим",
                "КП «Декоративні культури»", "Термін усунення " + deadline, "Інна Інспекторка",
                "Вимагаємо усунути порушення до " + deadline, "Порушник не встановлено", "2-2")) {
            assertTrue(warning.contains(expected), () -> "missing «" + expected + "» in: " + warning);
        }

        String protocol = PdfRendererTest.text(documents.render(oks.inspector, v.id(), Kind.PROTOCOL));
        for (String expected : List.of("ПРОТОКОЛ", "про порушення правил благоустрою території", "№ ПР-" + v.id() + "/",
                "Хід розгляду", "1-1", "Виявлено порушення", "Направлено виконавцю", "Усунути до кінця тижня",
                "Інна Інспекторка", "КП «Декоративні культури»")) {
            assertTrue(protocol.contains(expected), () -> "missing «" + expected + "» in: " + protocol);
        }
    }

    @Test
    void aCommunityPrintsItsOwnRequisites() throws IOException {
        oks.communities().add(new ua.hromada.portal.api.community.Community("reshetylivka",
                List.of("reshetylivka.portal.example"), java.util.Set.of(), java.util.Map.of(
                        DocumentsConfig.PID + "/council.name", "Решетилівська міська рада",
                        DocumentsConfig.PID + "/city", "м. Решетилівка")));
        String own = oks.communities().callAs("reshetylivka", () -> {
            ua.hromada.oks.api.ExecutorOrganisation zhkg = oks.catalog().saveExecutor(oks.admin,
                    new ua.hromada.oks.api.ExecutorOrganisation(0, "КП «Решетилівське ЖКГ»", null, null, true, List.of()));
            Violation v = oks.violations().transition(oks.inspector, oks.register("Сухе дерево").id(),
                    new TransitionRequest(ActionKind.SENT, null, zhkg.id(), oks.today().plusDays(10), List.of()));
            try {
                return PdfRendererTest.text(documents.render(oks.inspector, v.id(), Kind.WARNING));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(own.contains("РЕШЕТИЛІВСЬКА МІСЬКА РАДА"), own);
        assertTrue(own.contains("м. Решетилівка"), own);
        assertTrue(own.contains(shipped.getProperty("department")), "a key it does not set is the shared one");
        assertTrue(!own.contains("ПОЛТАВСЬКА МІСЬКА РАДА"), own);

        String shared = PdfRendererTest.text(documents.render(oks.inspector, sent("Сміття").id(), Kind.WARNING));
        assertTrue(shared.contains("ПОЛТАВСЬКА МІСЬКА РАДА"), "the default community prints the shared requisites");
    }

    @Test
    void unassignedViolationIsRefused() {
        Violation v = oks.register("Без виконавця ще");
        OksException e = assertThrows(OksException.class, () -> documents.render(oks.inspector, v.id(), Kind.WARNING));
        assertEquals(OksException.Reason.CONFLICT, e.reason());
        assertEquals("oks.documents.error.notWithExecutor", e.messageKey());
        assertEquals(String.valueOf(v.id()), e.args()[0]);
        assertEquals("Виявлено порушення", e.args()[1]);
    }

    @Test
    void stillAvailableWhileAcceptedButNotOnceReported() {
        Violation v = sent("Пошкоджена лавка");
        oks.violations().transition(oks.executor, v.id(), TransitionRequest.of(ActionKind.ACCEPTED));
        assertTrue(documents.render(oks.executor, v.id(), Kind.PROTOCOL).length > 1000);

        oks.violations().transition(oks.executor, v.id(), TransitionRequest.of(ActionKind.REPORTED));
        OksException e = assertThrows(OksException.class, () -> documents.render(oks.inspector, v.id(), Kind.PROTOCOL));
        assertEquals("oks.documents.error.notWithExecutor", e.messageKey());
    }

    @Test
    void aDisputedCaseOffersBothDocumentsToWhoeverSeesIt() throws IOException {
        Violation v = sent("Спірна ділянка: виконавець каже, що не його");
        oks.violations().transition(oks.executor, v.id(), new TransitionRequest(ActionKind.DISPUTED,
                "Ділянка на балансі іншого підприємства", null, null, List.of()));
        assertEquals(java.util.Set.of(Kind.WARNING, Kind.PROTOCOL), documents.available(oks.inspector, v.id()));
        assertEquals(java.util.Set.of(Kind.WARNING, Kind.PROTOCOL), documents.available(oks.executor, v.id()));
        String protocol = PdfRendererTest.text(documents.render(oks.inspector, v.id(), Kind.PROTOCOL));
        assertTrue(protocol.contains("Ділянка на балансі іншого підприємства"), protocol);

        Violation unassigned = oks.register("Ще без виконавця");
        assertEquals(java.util.Set.of(), documents.available(oks.inspector, unassigned.id()));
        assertEquals(java.util.Set.of(), documents.available(oks.otherExecutor, v.id()), "not visible, nothing to print");
    }

    @Test
    void anotherOrganisationsExecutorSeesNothing() {
        Violation v = sent("Сміття на газоні");
        OksException e = assertThrows(OksException.class, () -> documents.render(oks.otherExecutor, v.id(), Kind.WARNING));
        assertEquals(OksException.Reason.NOT_FOUND, e.reason());
        assertEquals("oks.documents.error.notFound", e.messageKey());
        assertThrows(OksException.class, () -> documents.render(oks.inspector, 987_654_321L, Kind.WARNING));
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
        for (String key : List.of("oks.documents.error.notFound", "oks.documents.error.notWithExecutor")) {
            assertTrue(messages.message(key, Locale.forLanguageTag("uk")).orElseThrow().contains("№"), key);
            assertTrue(messages.message(key, Locale.ENGLISH).orElseThrow().contains("No."), key);
        }
    }
}
