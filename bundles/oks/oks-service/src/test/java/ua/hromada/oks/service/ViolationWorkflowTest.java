package ua.hromada.oks.service;

import static org.junit.jupiter.api.Assertions.*;
import static ua.hromada.oks.api.ActionKind.*;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.JournalEntry;
import ua.hromada.oks.api.NewViolation;
import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.PhotoUpload;
import ua.hromada.oks.api.Reporter;
import ua.hromada.oks.api.ResponsibleGroup;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.StoredPhoto;
import ua.hromada.oks.api.TransitionRequest;
import ua.hromada.oks.api.Urgency;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.api.ViolationQuery;
import ua.hromada.oks.api.Violations;
import ua.hromada.oks.api.Violator;
import ua.hromada.oks.api.WorkflowAction;

/** The workflow for each role on real PostgreSQL: steps, refusals, journal, photos, visibility. */
class ViolationWorkflowTest {
    /** A fresh database per test (JUnit makes an instance per test), closed after it. */
    @AutoClose
    private final OksTestSetup oks = new OksTestSetup();
    private final Violations service = oks.violations();

    private TransitionRequest send(long orgId) {
        return new TransitionRequest(SENT, "Прошу усунути", orgId, oks.today().plusDays(7), List.of());
    }

    private static List<ActionKind> kinds(List<WorkflowAction> actions) {
        return actions.stream().map(WorkflowAction::kind).toList();
    }

    @Test
    void fromDetectionToConfirmedFixWithAJournalRowPerStep() {
        Violation v = service.register(oks.inspector, new NewViolation(oks.type("trees").id(),
                "Дерево спилили лише одне, а інше залишили", "вул. Юліана Матвійчука, 139", OksTestSetup.LAT,
                OksTestSetup.LON, Urgency.NORMAL, null, new Violator(Violator.Kind.PERSON, "Нікулін Юрій", "0994209399"),
                List.of(OksTestSetup.png("before.png", 800, 600))));
        assertEquals(StatusGroup.UNASSIGNED, v.group());
        assertEquals("1-1", v.lastAction().displayCode());
        assertEquals(oks.today().plusDays(14), v.deadline(), "the configured default deadline");
        assertEquals("вул. Юліана Матвійчука, 139", v.address());
        assertEquals(OksTestSetup.LAT, v.latitude(), 1e-9);
        assertNull(v.executor());
        assertEquals(List.of("SENT", "PRESCRIBED"), service.allowedActions(oks.inspector, v.id()).stream()
                .map(WorkflowAction::key).toList());

        oks.clock().advance(Duration.ofHours(1));
        v = service.transition(oks.inspector, v.id(), send(oks.org.id()));
        assertEquals("2-2", v.lastAction().displayCode());
        assertEquals(oks.org.id(), v.executor().id());
        assertEquals(List.of(ACCEPTED, DISPUTED), kinds(service.allowedActions(oks.executor, v.id())).stream()
                .sorted().toList());

        oks.clock().advance(Duration.ofHours(1));
        v = service.transition(oks.executor, v.id(), TransitionRequest.of(ACCEPTED));
        assertEquals(StatusGroup.IN_PROGRESS, v.group());

        oks.clock().advance(Duration.ofHours(1));
        v = service.transition(oks.executor, v.id(), new TransitionRequest(REPORTED, "Спиляно", null, null,
                List.of(OksTestSetup.png("after.png", 1200, 900))));
        assertEquals(REPORTED, v.lastAction().kind());
        assertEquals(List.of(CONFIRMED, RETURNED), kinds(service.allowedActions(oks.inspector, v.id())).stream()
                .sorted().toList());

        oks.clock().advance(Duration.ofHours(1));
        v = service.transition(oks.inspector, v.id(), new TransitionRequest(RETURNED, "Пень не прибрано", null, null,
                List.of()));
        assertEquals(StatusGroup.IN_PROGRESS, v.group());
        v = service.transition(oks.executor, v.id(), OksTestSetup.report());
        v = service.transition(oks.inspector, v.id(), TransitionRequest.of(CONFIRMED));
        assertEquals(StatusGroup.DONE, v.group());
        v = service.transition(oks.admin, v.id(), TransitionRequest.of(ARCHIVED));
        assertEquals(StatusGroup.ARCHIVED, v.group());
        assertTrue(service.allowedActions(oks.admin, v.id()).isEmpty());

        List<JournalEntry> journal = service.journal(oks.inspector, v.id());
        assertEquals(List.of(DETECTED, SENT, ACCEPTED, REPORTED, RETURNED, REPORTED, CONFIRMED, ARCHIVED),
                journal.stream().map(e -> e.action().kind()).toList());
        assertEquals("inspector", journal.get(1).author());
        assertEquals("Петро Виконавець", journal.get(2).authorName());
        assertEquals("КП «Декоративні культури»", journal.get(2).executorName());
        assertEquals("Пень не прибрано", journal.get(4).comment());
        assertEquals(1, journal.get(0).photos().size());
        assertEquals(1, journal.get(3).photos().size());
        var photo = journal.get(3).photos().get(0);
        assertEquals("image/png", photo.contentType());
        assertEquals(1200, photo.width());
        assertEquals(64, photo.sha256().length());
        StoredPhoto full = service.photo(oks.inspector, photo.id(), false).orElseThrow();
        assertEquals(photo.sha256(), Photos.sha256(full.content()), "stored bytes match their checksum");
        assertCurrentStatusIsTheLastJournalRow();
        StoredPhoto thumb = service.photo(oks.inspector, photo.id(), true).orElseThrow();
        assertEquals("image/jpeg", thumb.contentType());
        assertTrue(thumb.content().length < full.content().length);
    }

    @Test
    void illegalTransitionsAreRefusedWithTheReason() {
        Violation v = oks.register("Сміття біля контейнерів");
        OksException e = assertThrows(OksException.class,
                () -> service.transition(oks.inspector, v.id(), TransitionRequest.of(CONFIRMED)));
        assertEquals(OksException.Reason.CONFLICT, e.reason());
        assertEquals("oks.error.transition", e.messageKey());
        assertEquals(List.of("Виконання підтверджено", "1-1 Виявлено порушення"), List.of(e.args()));

        // sending needs an executor; a deadline in the past is refused
        assertEquals("oks.error.executorRequired", assertThrows(OksException.class,
                () -> service.transition(oks.inspector, v.id(), TransitionRequest.of(SENT))).messageKey());
        assertEquals("oks.error.deadlinePast", assertThrows(OksException.class, () -> service.transition(oks.inspector,
                v.id(), new TransitionRequest(SENT, null, oks.org.id(), oks.today().minusDays(1), List.of()))).messageKey());

        service.transition(oks.inspector, v.id(), send(oks.org.id()));
        // the executor of another organisation does not even see it
        assertEquals("oks.error.notFound", assertThrows(OksException.class,
                () -> service.transition(oks.otherExecutor, v.id(), TransitionRequest.of(ACCEPTED))).messageKey());
        assertTrue(service.find(oks.otherExecutor, v.id()).isEmpty());
        // an inspector cannot accept on the executor's behalf
        assertEquals("oks.error.transitionRole", assertThrows(OksException.class,
                () -> service.transition(oks.inspector, v.id(), TransitionRequest.of(ACCEPTED))).messageKey());
        // management reads only
        assertEquals("oks.error.transitionRole", assertThrows(OksException.class,
                () -> service.transition(oks.viewer, v.id(), TransitionRequest.of(EXTENDED))).messageKey());
        // someone without an OKS role
        assertEquals("oks.error.forbidden", assertThrows(OksException.class,
                () -> service.transition(oks.stranger, v.id(), TransitionRequest.of(ACCEPTED))).messageKey());
        // a dispute needs a reason
        assertEquals("oks.error.commentRequired", assertThrows(OksException.class,
                () -> service.transition(oks.executor, v.id(), TransitionRequest.of(DISPUTED))).messageKey());
        // nothing of the refused steps was written
        assertEquals(List.of(DETECTED, SENT), service.journal(oks.inspector, v.id()).stream()
                .map(e2 -> e2.action().kind()).toList());
    }

    @Test
    void disputesAreResolvedByTheInspectorsAsTheSeedShows() {
        Violation v = oks.register("Вивіска без дозволу");
        service.transition(oks.inspector, v.id(), send(oks.org.id()));
        service.transition(oks.executor, v.id(), new TransitionRequest(DISPUTED, "Не наша балансова належність",
                null, null, List.of()));
        assertEquals(StatusGroup.CONFLICT, service.find(oks.admin, v.id()).orElseThrow().group());
        assertEquals(ResponsibleGroup.INSPECTORS, service.find(oks.admin, v.id()).orElseThrow().lastAction().responsible());
        assertEquals(List.of(REDIRECTED, EXTENDED), kinds(service.allowedActions(oks.inspector, v.id())));
        assertTrue(service.allowedActions(oks.executor, v.id()).isEmpty(), "the executor who disputed does not decide");
        assertEquals("oks.error.transitionRole", assertThrows(OksException.class, () -> service.transition(oks.inspector,
                v.id(), TransitionRequest.of(ARCHIVED))).messageKey());
        Violation moved = service.transition(oks.inspector, v.id(), new TransitionRequest(REDIRECTED, "Інший виконавець",
                oks.otherOrg.id(), null, List.of()));
        assertEquals(oks.otherOrg.id(), moved.executor().id());
        assertTrue(service.find(oks.executor, v.id()).isEmpty(), "the first organisation no longer sees it");
        assertTrue(service.find(oks.otherExecutor, v.id()).isPresent());
        service.transition(oks.otherExecutor, v.id(), TransitionRequest.of(ACCEPTED));

        // extending needs a later deadline
        assertEquals("oks.error.deadlineNotLater", assertThrows(OksException.class, () -> service.transition(
                oks.inspector, v.id(), new TransitionRequest(EXTENDED, null, null, moved.deadline(), List.of())))
                .messageKey());
        Violation extended = service.transition(oks.inspector, v.id(),
                new TransitionRequest(EXTENDED, "Погодні умови", null, moved.deadline().plusDays(10), List.of()));
        assertEquals(moved.deadline().plusDays(10), extended.deadline());
    }

    @Test
    void registrationIsValidatedAndUrgentCasesGetTheUrgentCode() {
        long trees = oks.type("trees").id();
        assertEquals("oks.error.locationRequired", assertThrows(OksException.class, () -> service.register(oks.inspector,
                new NewViolation(trees, "опис", "", null, null, null, null, null, List.of()))).messageKey());
        assertEquals("oks.error.locationOutside", assertThrows(OksException.class, () -> service.register(oks.inspector,
                new NewViolation(trees, "опис", "", 50.45, 30.52, null, null, null, List.of()))).messageKey());
        assertEquals("oks.error.descriptionOrAddress", assertThrows(OksException.class, () -> service.register(
                oks.inspector, new NewViolation(trees, " ", "", OksTestSetup.LAT, OksTestSetup.LON, null, null, null,
                        List.of()))).messageKey());
        assertEquals("oks.error.typeRequired", assertThrows(OksException.class, () -> service.register(oks.inspector,
                new NewViolation(9999, "опис", "", OksTestSetup.LAT, OksTestSetup.LON, null, null, null, List.of())))
                .messageKey());
        assertEquals("oks.error.forbidden", assertThrows(OksException.class, () -> service.register(oks.executor,
                new NewViolation(trees, "опис", "", OksTestSetup.LAT, OksTestSetup.LON, null, null, null, List.of())))
                .messageKey());

        Violation urgent = service.register(oks.inspector, new NewViolation(trees, "Аварійне дерево", "",
                OksTestSetup.LAT, OksTestSetup.LON, Urgency.URGENT, null, null, List.of()));
        assertEquals("1-18", urgent.lastAction().displayCode());
        assertEquals(oks.today().plusDays(1), urgent.deadline());
        assertEquals(1, service.count(oks.viewer, ViolationQuery.current()));
    }

    @Test
    void photosAreCheckedByContentNotByName() {
        long trees = oks.type("trees").id();
        PhotoUpload fake = new PhotoUpload("photo.jpg", "not an image at all".getBytes(StandardCharsets.UTF_8));
        OksException e = assertThrows(OksException.class, () -> service.register(oks.inspector, new NewViolation(trees,
                "опис", "", OksTestSetup.LAT, OksTestSetup.LON, null, null, null, List.of(fake))));
        assertEquals("oks.error.photoType", e.messageKey());
        assertEquals("photo.jpg", e.args()[0]);

        byte[] png = OksTestSetup.png("x.png", 10, 10).content();
        byte[] truncated = java.util.Arrays.copyOf(png, 20);
        assertEquals("oks.error.photoBroken", assertThrows(OksException.class, () -> service.register(oks.inspector,
                new NewViolation(trees, "опис", "", OksTestSetup.LAT, OksTestSetup.LON, null, null, null,
                        List.of(new PhotoUpload("broken.png", truncated))))).messageKey());

        // over the configured 1 MB limit of the test settings
        byte[] big = java.util.Arrays.copyOf(png, 1024 * 1024 + 1);
        assertEquals("oks.error.photoTooLarge", assertThrows(OksException.class, () -> service.register(oks.inspector,
                new NewViolation(trees, "опис", "", OksTestSetup.LAT, OksTestSetup.LON, null, null, null,
                        List.of(new PhotoUpload("big.png", big))))).messageKey());
        assertEquals(0, service.count(oks.inspector, ViolationQuery.current()), "nothing half-saved");

        // a PNG named .jpg is accepted as what it is
        Violation v = service.register(oks.inspector, new NewViolation(trees, "опис", "", OksTestSetup.LAT,
                OksTestSetup.LON, null, null, null, List.of(new PhotoUpload("named.jpg", png))));
        assertEquals("image/png", service.journal(oks.inspector, v.id()).get(0).photos().get(0).contentType());
    }

    /**
     * Pixel flood: 70 bytes of PNG declaring 50 000 × 50 000 pixels (10 GB once decoded) are refused
     * from the header, before ImageIO decodes anything; a photo within the limit still passes.
     */
    @Test
    void photoDeclaringHugeDimensionsIsRefusedBeforeDecoding() {
        long trees = oks.type("trees").id();
        byte[] flood = OksTestSetup.pngHeaderOnly(50_000, 50_000);
        assertTrue(flood.length < 200, "a tiny file: " + flood.length + " bytes");
        assertEquals(2_500_000_000L, Photos.declaredPixels(flood));
        OksException e = assertThrows(OksException.class, () -> service.register(oks.inspector, new NewViolation(trees,
                "опис", "", OksTestSetup.LAT, OksTestSetup.LON, null, null, null,
                List.of(OksTestSetup.png("ok.png", 20, 20), new PhotoUpload("flood.png", flood)))));
        assertEquals("oks.error.photoTooManyPixels", e.messageKey());
        assertEquals("flood.png", e.args()[0]);
        assertEquals(40L, e.args()[1]);
        assertEquals(0, service.count(oks.inspector, ViolationQuery.current()), "the good photo was not saved either");
        assertEquals(1200L * 800, Photos.declaredPixels(OksTestSetup.png("x.png", 1200, 800).content()));
        assertEquals(-1, Photos.declaredPixels("not an image".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void filtersOverdueAndTextSearch() {
        Violation a = oks.register("Повалене дерево на тротуарі");
        Violation b = oks.register("Переповнений контейнер");
        service.transition(oks.inspector, a.id(), new TransitionRequest(SENT, null, oks.org.id(), oks.today().plusDays(2),
                List.of()));
        oks.clock().advance(Duration.ofDays(3));
        ViolationQuery overdue = new ViolationQuery(null, null, null, null, null, null, null, true, null, null, null,
                null, null, null, 0, 50);
        assertEquals(List.of(a.id()), service.search(oks.inspector, overdue).stream().map(Violation::id).toList());
        assertTrue(service.find(oks.inspector, a.id()).orElseThrow().overdue());
        ViolationQuery text = new ViolationQuery(null, null, null, null, null, null, null, null, null, null, null, null,
                "контейнер", null, 0, 50);
        assertEquals(List.of(b.id()), service.search(oks.inspector, text).stream().map(Violation::id).toList());
        ViolationQuery byId = new ViolationQuery(null, null, null, null, null, null, null, null, null, null, null, null,
                "#" + a.id(), null, 0, 50);
        assertEquals(List.of(a.id()), service.search(oks.inspector, byId).stream().map(Violation::id).toList());
        // the executor sees only its organisation's case
        assertEquals(List.of(a.id()), service.search(oks.executor, ViolationQuery.current()).stream()
                .map(Violation::id).toList());
        var summary = service.summary(oks.inspector);
        assertEquals(2, summary.current());
        assertEquals(1, summary.overdue());
        assertEquals(1, summary.unassigned());
    }

    @Test
    void listenersHearCommittedSteps() throws Exception {
        List<Long> heard = new CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch latch = new java.util.concurrent.CountDownLatch(1);
        oks.addListener((v, entry) -> {
            if (entry.action().kind() == SENT) {
                heard.add(v.id());
                latch.countDown();
            }
        });
        Violation v = oks.register("Слухач");
        service.transition(oks.inspector, v.id(), send(oks.org.id()));
        assertTrue(latch.await(5, TimeUnit.SECONDS));
        assertEquals(List.of(v.id()), heard);
    }

    @Test
    void residentsReportsEnterWithoutAnExecutor() {
        Violation v = service.registerReported(new NewViolation(oks.type("waste").id(), "Звалище біля річки", "",
                OksTestSetup.LAT, OksTestSetup.LON, null, null, null, List.of()),
                new Reporter("resident@example.org", "Марія", "Петренко", null, "app-1"));
        assertEquals("1-1", v.lastAction().displayCode());
        assertEquals("open311", v.inspector());
        assertEquals("resident@example.org", v.reporter().email());
        assertNull(v.executor());
        assertEquals(List.of(v.id()), service.searchPublic(ViolationQuery.current()).stream().map(Violation::id).toList());
    }

    /** The violation's copy of its status equals its last journal row, for every violation. */
    private void assertCurrentStatusIsTheLastJournalRow() {
        try (var c = oks.dataSource().getConnection(); var st = c.createStatement(); var rs = st.executeQuery(
                "SELECT count(*) FROM oks.violation v JOIN LATERAL (SELECT * FROM oks.journal j WHERE j.violation_id = v.id"
                        + " ORDER BY j.at DESC, j.id DESC LIMIT 1) l ON true WHERE l.id <> v.last_entry_id"
                        + " OR l.action_kind <> v.status_kind OR l.at <> v.status_at"
                        + " OR l.executor_id IS DISTINCT FROM v.executor_id OR l.deadline IS DISTINCT FROM v.deadline"
                        + " OR (SELECT max(j.at) FROM oks.journal j WHERE j.violation_id = v.id AND j.action_kind = 'CONFIRMED')"
                        + " IS DISTINCT FROM v.confirmed_at")) {
            rs.next();
            assertEquals(0, rs.getLong(1));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
