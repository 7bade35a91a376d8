package ua.hromada.oks.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.DocumentDetails;
import ua.hromada.oks.api.DocumentStep;
import ua.hromada.oks.api.DocumentTemplate;
import ua.hromada.oks.api.IssuedDocument;
import ua.hromada.oks.api.LegalArticle;
import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.ScanFile;
import ua.hromada.oks.api.TransitionRequest;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.api.ViolationDocuments.Kind;
import ua.hromada.oks.api.Violator;
import ua.hromada.portal.api.PortalException.Reason;

/**
 * The document register on PostgreSQL: a number given once per document from the community's
 * sequence of the kind and year, never twice even when issued at once, the violator's check digits,
 * the article catalogue, templates and signed copies. Until the shipped catalogue has an action that
 * produces a document, the test marks two shipped ones as producing one (as an administrator does).
 */
class DocumentRegisterTest {
    static final String TAX = "3112001232"; // 15.03.1985, check digit worked out by hand in TaxIdentifiersTest
    static final String EDRPOU = "14360570";
    private static OksTestSetup oks;
    private static DocumentRegisterImpl register;
    private static long article152;

    @BeforeAll
    static void setUp() {
        oks = new OksTestSetup();
        register = new DocumentRegisterImpl(oks.database(), oks.violations(), ZoneId.of("Europe/Kyiv"));
        markProducing("SENT", Kind.WARNING);
        markProducing("EXTENDED", Kind.PROTOCOL);
        article152 = register.articles(false).stream().filter(a -> a.code().equals("ст. 152 КУпАП")).findFirst()
                .orElseThrow().id();
    }

    @AfterAll
    static void tearDown() {
        oks.close();
    }

    /** The catalogue row of a shipped action now produces a document (the open catalogue's column). */
    static void markProducing(String key, Kind kind) {
        oks.executeInCommunity("UPDATE oks.workflow_action SET document = '" + kind.name() + "' WHERE kind = '" + key + "'");
    }

    static Violator person() {
        return new Violator(Violator.Kind.PERSON, "Шевченко Тарас Григорович", null, TAX, "м. Полтава, вул. Соборності, 10, кв. 5");
    }

    static DocumentDetails details(Violator v) {
        return new DocumentDetails(v, article152, "Іваненко І. І., м. Полтава, вул. Європейська, 1", "Не встиг прибрати");
    }

    /** A case sent to the executor: its step SENT awaits a warning. */
    private Violation sent() {
        Violation v = oks.register("Будівельне сміття на тротуарі");
        return oks.violations().transition(oks.inspector, v.id(), new TransitionRequest(ActionKind.SENT, null,
                oks.org.id(), oks.today().plusDays(10), List.of()));
    }

    private DocumentStep awaitingStep(Violation v) {
        List<DocumentStep> steps = register.awaiting(oks.inspector, v.id());
        assertEquals(1, steps.size(), steps::toString);
        return steps.get(0);
    }

    @Test
    void aStepsDocumentGetsItsNumberOnceAndKeepsIt() {
        Violation v = sent();
        DocumentStep step = awaitingStep(v);
        assertEquals(Kind.WARNING, step.kind());
        IssuedDocument doc = register.issue(oks.inspector, v.id(), step.journalEntryId(), details(person()));
        int year = oks.today().getYear();
        assertTrue(doc.number().matches("П-\\d+/" + year), doc.number());
        assertEquals(oks.today(), doc.issuedOn());
        assertEquals(TAX, doc.violator().code());
        assertEquals("ст. 152 КУпАП", doc.article().code());
        assertNull(doc.witnesses(), "witnesses belong to a protocol");
        assertEquals(List.of(), register.awaiting(oks.inspector, v.id()));

        // issuing the same step again: refused, naming the number it has; the register still has one
        OksException again = assertThrows(OksException.class,
                () -> register.issue(oks.inspector, v.id(), step.journalEntryId(), details(person())));
        assertEquals(Reason.CONFLICT, again.reason());
        assertEquals("oks.register.error.alreadyIssued", again.messageKey());
        assertEquals(doc.number(), again.args()[0]);
        oks.clock().advance(Duration.ofDays(3));
        assertEquals(List.of(doc), register.issued(oks.executor, v.id()), "read days later: same number and date");
        assertEquals(doc, register.find(oks.inspector, doc.id()).orElseThrow());
    }

    @Test
    void protocolsCountApartFromWarningsAndCarryWitnessesAndExplanation() {
        Violation v = sent();
        IssuedDocument warning = register.issue(oks.inspector, v.id(), awaitingStep(v).journalEntryId(), details(person()));
        oks.violations().transition(oks.inspector, v.id(), new TransitionRequest(ActionKind.EXTENDED, null, null,
                v.deadline().plusDays(5), List.of()));
        DocumentStep step = awaitingStep(v);
        assertEquals(Kind.PROTOCOL, step.kind());
        IssuedDocument protocol = register.issue(oks.inspector, v.id(), step.journalEntryId(), details(person()));
        assertTrue(protocol.number().startsWith("ПР-"), protocol.number());
        assertEquals("Іваненко І. І., м. Полтава, вул. Європейська, 1", protocol.witnesses());
        assertEquals("Не встиг прибрати", protocol.explanation());
        assertEquals(List.of(warning.id(), protocol.id()),
                register.issued(oks.inspector, v.id()).stream().map(IssuedDocument::id).toList());
    }

    @Test
    void twoIssuesAtOnceNeverShareANumber() throws Exception {
        int n = 8;
        List<Violation> cases = new ArrayList<>();
        List<Long> steps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Violation v = sent();
            cases.add(v);
            steps.add(awaitingStep(v).journalEntryId());
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<IssuedDocument>> issued = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                issued.add(pool.submit(() -> {
                    start.await();
                    return register.issue(oks.inspector, cases.get(k).id(), steps.get(k), details(person()));
                }));
            }
            start.countDown();
            Set<String> numbers = new HashSet<>();
            for (Future<IssuedDocument> f : issued) {
                numbers.add(f.get(60, TimeUnit.SECONDS).number());
            }
            assertEquals(n, numbers.size(), () -> "numbers shared: " + numbers);
            List<Integer> seqs = numbers.stream().map(s -> Integer.parseInt(s.replaceAll("^П-(\\d+)/.*$", "$1"))).sorted().toList();
            assertEquals(n - 1, seqs.get(n - 1) - seqs.get(0), () -> "consecutive, no gap: " + seqs);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSameStepIssuedTwiceAtOnceGetsOneDocument() throws Exception {
        Violation v = sent();
        long step = awaitingStep(v).journalEntryId();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> tries = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                tries.add(pool.submit(() -> {
                    start.await();
                    try {
                        return register.issue(oks.inspector, v.id(), step, details(person()));
                    } catch (OksException e) {
                        return e.messageKey();
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : tries) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, outcomes.stream().filter(IssuedDocument.class::isInstance).count(), outcomes::toString);
            assertTrue(outcomes.contains("oks.register.error.alreadyIssued"), outcomes::toString);
            assertEquals(1, register.issued(oks.inspector, v.id()).size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theNumberPatternIsTheTemplatesAndTheSequenceStartsAgainEachYear() {
        DocumentTemplate shipped = register.template(Kind.WARNING);
        assertEquals("П-{seq}/{year}", shipped.numberPattern());
        OksTestSetup other = new OksTestSetup();
        try {
            DocumentRegisterImpl own = new DocumentRegisterImpl(other.database(), other.violations(), ZoneId.of("Europe/Kyiv"));
            other.executeInCommunity("UPDATE oks.workflow_action SET document = 'WARNING' WHERE kind = 'SENT'");
            own.saveTemplate(other.admin, new DocumentTemplate(Kind.WARNING, shipped.heading(), shipped.body(),
                    "ПП-{seq}-{yy}", shipped.version()));
            long article = own.articles(false).get(0).id();
            int year = other.today().getYear();
            assertEquals("ПП-1-" + String.format("%02d", year % 100), issueOn(other, own, article).number());
            assertEquals("ПП-2-" + String.format("%02d", year % 100), issueOn(other, own, article).number());
            java.time.ZonedDateTime nextYear = java.time.LocalDate.of(year + 1, 1, 1).atTime(10, 0)
                    .atZone(ZoneId.of("Europe/Kyiv"));
            other.clock().advance(Duration.between(other.clock().instant(), nextYear.toInstant()));
            assertEquals("ПП-1-" + String.format("%02d", (year + 1) % 100), issueOn(other, own, article).number(),
                    "a new year starts at 1");
        } finally {
            other.close();
        }
    }

    private static IssuedDocument issueOn(OksTestSetup s, DocumentRegisterImpl r, long article) {
        Violation v = s.register("Сміття");
        s.violations().transition(s.inspector, v.id(), new TransitionRequest(ActionKind.SENT, null, s.org.id(),
                s.today().plusDays(10), List.of()));
        long step = r.awaiting(s.inspector, v.id()).get(0).journalEntryId();
        return r.issue(s.inspector, v.id(), step, new DocumentDetails(person(), article, null, null));
    }

    @Test
    void theViolatorsCodeIsCheckedByItsCheckDigit() {
        Violation v = sent();
        long step = awaitingStep(v).journalEntryId();
        OksException tax = refused(v, step, new Violator(Violator.Kind.PERSON, "Шевченко Тарас", null, "3112001233", "м. Полтава"));
        assertEquals("oks.register.error.taxNumberCheck", tax.messageKey());
        assertEquals("2", tax.args()[1], "names the digit the first nine call for");
        assertEquals("oks.register.error.taxNumberFormat",
                refused(v, step, new Violator(Violator.Kind.PERSON, "Шевченко Тарас", null, "31120012", "м. Полтава")).messageKey());
        assertEquals("oks.register.error.edrpouRequired",
                refused(v, step, new Violator(Violator.Kind.ORGANISATION, "ТОВ «Будсервіс»", null, null, "м. Полтава")).messageKey());
        OksException edrpou = refused(v, step, new Violator(Violator.Kind.ORGANISATION, "ТОВ «Будсервіс»", null, "14360571", "м. Полтава"));
        assertEquals("oks.register.error.edrpouCheck", edrpou.messageKey());
        assertEquals("0", edrpou.args()[1]);
        assertEquals("oks.error.violatorKindOrganisation",
                refused(v, step, new Violator(Violator.Kind.PERSON, "ТОВ «Будсервіс»", null, null, "м. Полтава")).messageKey());
        assertEquals("oks.register.error.addressRequired",
                refused(v, step, new Violator(Violator.Kind.PERSON, "Шевченко Тарас", null, TAX, " ")).messageKey());
        assertEquals("oks.register.error.violatorRequired", refused(v, step, null).messageKey());
        assertEquals(1, register.awaiting(oks.inspector, v.id()).size(), "nothing issued by a refused try");

        IssuedDocument org = register.issue(oks.inspector, v.id(), step, details(
                new Violator(Violator.Kind.ORGANISATION, "ТОВ «Будсервіс»", null, "1436 0570", "м. Полтава, вул. Зінківська, 6")));
        assertEquals(EDRPOU, org.violator().code(), "spaces inside the code are dropped");
        Violation another = sent();
        IssuedDocument unnamedCode = register.issue(oks.inspector, another.id(), awaitingStep(another).journalEntryId(),
                details(new Violator(Violator.Kind.PERSON, "Петренко Петро", null, null, "м. Полтава")));
        assertNull(unnamedCode.violator().code(), "a person may refuse to give the РНОКПП");
    }

    private OksException refused(Violation v, long step, Violator violator) {
        OksException e = assertThrows(OksException.class,
                () -> register.issue(oks.inspector, v.id(), step, new DocumentDetails(violator, article152, null, null)));
        assertEquals(Reason.INVALID, e.reason());
        return e;
    }

    @Test
    void onlyAStepThatProducesADocumentAndOnlyInspectorsIssue() {
        Violation v = sent();
        long registered = oks.violations().journal(oks.inspector, v.id()).get(0).id();
        OksException none = assertThrows(OksException.class,
                () -> register.issue(oks.inspector, v.id(), registered, details(person())));
        assertEquals("oks.register.error.noDocument", none.messageKey());
        long step = awaitingStep(v).journalEntryId();
        assertEquals(Reason.FORBIDDEN, assertThrows(OksException.class,
                () -> register.issue(oks.executor, v.id(), step, details(person()))).reason());
        Violation other = sent();
        assertEquals("oks.register.error.stepNotFound", assertThrows(OksException.class,
                () -> register.issue(oks.inspector, other.id(), step, details(person()))).messageKey());
        assertEquals(List.of(), register.awaiting(oks.executor, v.id()), "executors are not offered to issue");
        assertEquals(Reason.INVALID, assertThrows(OksException.class, () -> register.issue(oks.inspector, v.id(), step,
                new DocumentDetails(person(), null, null, null))).reason());
    }

    @Test
    void theArticleCatalogueIsTheAdministratorsAndAnInactiveArticleIsNotCited() {
        List<LegalArticle> shipped = register.articles(true);
        assertTrue(shipped.stream().anyMatch(a -> a.code().equals("ст. 152 КУпАП") && a.title().startsWith(
                "Порушення державних стандартів, норм і правил у сфері благоустрою населених пунктів")), shipped::toString);
        assertEquals(Reason.FORBIDDEN, assertThrows(OksException.class, () -> register.saveArticle(oks.inspector,
                new LegalArticle(0, "п. 5.1 Правил благоустрою", "Утримання прилеглої території", true, 0))).reason());
        LegalArticle rule = register.saveArticle(oks.admin,
                new LegalArticle(0, "п. 5.1 Правил благоустрою м. Полтави", "Утримання прилеглої території", true, 0));
        assertEquals("oks.register.error.articleTaken", assertThrows(OksException.class, () -> register.saveArticle(oks.admin,
                new LegalArticle(0, "П. 5.1 правил благоустрою м. Полтави", "", true, 0))).messageKey());
        LegalArticle off = register.saveArticle(oks.admin, new LegalArticle(rule.id(), rule.code(), rule.title(), false, rule.version()));
        assertTrue(register.articles(false).stream().noneMatch(a -> a.id() == off.id()));
        Violation v = sent();
        assertEquals("oks.register.error.articleRequired", assertThrows(OksException.class, () -> register.issue(
                oks.inspector, v.id(), awaitingStep(v).journalEntryId(), new DocumentDetails(person(), off.id(), null, null)))
                .messageKey());
        assertThrows(ua.hromada.portal.api.jdbc.EditConflictException.class, () -> register.saveArticle(oks.admin,
                new LegalArticle(rule.id(), rule.code(), "стара версія", true, rule.version())));
    }

    @Test
    void templatesRefuseUnknownPlaceholdersAndAPatternWithoutTheSequence() {
        DocumentTemplate t = register.template(Kind.PROTOCOL);
        assertEquals("oks.register.error.templatePlaceholder", assertThrows(OksException.class, () -> register.saveTemplate(
                oks.admin, new DocumentTemplate(Kind.PROTOCOL, t.heading(), t.body() + " {violatr}", t.numberPattern(), t.version())))
                .messageKey());
        assertEquals("oks.register.error.patternSeq", assertThrows(OksException.class, () -> register.saveTemplate(
                oks.admin, new DocumentTemplate(Kind.PROTOCOL, t.heading(), t.body(), "ПР/{year}", t.version()))).messageKey());
        assertEquals(Reason.FORBIDDEN, assertThrows(OksException.class, () -> register.saveTemplate(oks.inspector, t)).reason());
        DocumentTemplate saved = register.saveTemplate(oks.admin, new DocumentTemplate(Kind.PROTOCOL,
                "ПРОТОКОЛ № {number}", t.body(), t.numberPattern(), t.version()));
        assertEquals("ПРОТОКОЛ № {number}", register.template(Kind.PROTOCOL).heading());
        assertEquals(1, saved.version());
        assertThrows(ua.hromada.portal.api.jdbc.EditConflictException.class, () -> register.saveTemplate(oks.admin, t));
        register.saveTemplate(oks.admin, new DocumentTemplate(Kind.PROTOCOL, t.heading(), t.body(), t.numberPattern(), saved.version()));
    }

    @Test
    void theSignedCopyIsAttachedBackByContent() {
        Violation v = sent();
        IssuedDocument doc = register.issue(oks.inspector, v.id(), awaitingStep(v).journalEntryId(), details(person()));
        byte[] pdf = "%PDF-1.4\n% signed copy\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals("oks.register.error.scanType", assertThrows(OksException.class, () -> register.attachScan(oks.inspector,
                doc.id(), new ScanFile("scan.pdf", null, "not a pdf".getBytes(StandardCharsets.US_ASCII)))).messageKey());
        assertEquals(Reason.FORBIDDEN, assertThrows(OksException.class,
                () -> register.attachScan(oks.executor, doc.id(), new ScanFile("s.pdf", null, pdf))).reason());
        IssuedDocument signed = register.attachScan(oks.inspector, doc.id(), new ScanFile("C:\\scans\\pidpysanyi.pdf", null, pdf));
        assertEquals("pidpysanyi.pdf", signed.scan().fileName());
        assertEquals("application/pdf", signed.scan().contentType());
        assertEquals(doc.number(), signed.number());
        ScanFile back = register.scan(oks.executor, doc.id()).orElseThrow();
        assertArrayEquals(pdf, back.content());
        assertTrue(register.scan(oks.otherExecutor, doc.id()).isEmpty(), "another organisation sees nothing");
    }

    @Test
    void anotherCommunityHasItsOwnSequenceAndSeesNoneOfThese() {
        Violation v = sent();
        IssuedDocument here = register.issue(oks.inspector, v.id(), awaitingStep(v).journalEntryId(), details(person()));
        oks.communities().add(new ua.hromada.portal.api.community.Community("kobeliaky", List.of("kobeliaky.example"),
                Set.of(), java.util.Map.of()));
        oks.communities().runAs("kobeliaky", () -> {
            assertTrue(register.find(oks.inspector, here.id()).isEmpty());
            assertTrue(register.articles(false).stream().anyMatch(a -> a.code().equals("ст. 152 КУпАП")),
                    "a new community starts with the shipped articles");
            oks.executeInCommunity("UPDATE oks.workflow_action SET document = 'WARNING' WHERE kind = 'SENT'");
            var org = oks.catalog().saveExecutor(oks.admin, new ua.hromada.oks.api.ExecutorOrganisation(0,
                    "КП «Кобеляцьке ЖКГ»", null, null, true, List.of()));
            Violation own = oks.violations().transition(oks.inspector, oks.register("Сміття").id(),
                    new TransitionRequest(ActionKind.SENT, null, org.id(), oks.today().plusDays(5), List.of()));
            long article = register.articles(false).get(0).id();
            IssuedDocument first = register.issue(oks.inspector, own.id(),
                    register.awaiting(oks.inspector, own.id()).get(0).journalEntryId(), new DocumentDetails(person(), article, null, null));
            assertEquals("П-1/" + oks.today().getYear(), first.number());
        });
    }
}
