package ua.hromada.oks.service;

import static org.junit.jupiter.api.Assertions.*;
import static ua.hromada.oks.api.ActionKind.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.OksAnalytics;
import ua.hromada.oks.api.OksAnalytics.AgeRow;
import ua.hromada.oks.api.OksAnalytics.StatusSelection;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.TransitionRequest;
import ua.hromada.oks.api.Violations;
import ua.hromada.oks.api.WorkflowAction;
import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.PortalUser;

/**
 * Seed 000's «ОКС Аналітика» screen rebuilt through the services: its ten current cases (1 «Без
 * виконавця», 5 «Направлено» — four 2-2 and one redirected —, 1 «В стані вирішення», 2 «Виконано» —
 * one reported, one confirmed —, 1 «Конфліктне»), all registered today, give exactly its three
 * tables, drawn here with the names the views show.
 */
class SeedAnalyticsTest {
    private static final MessageBundle NAMES = MessageBundle.of("i18n.oks", SeedAnalyticsTest.class.getClassLoader());
    private static final Locale UK = Locale.forLanguageTag("uk");
    private static OksTestSetup oks;
    private static Violations service;
    private static OksAnalytics analytics;

    @BeforeAll
    static void seedCases() {
        oks = new OksTestSetup();
        service = oks.violations();
        analytics = oks.analytics();
        oks.register("1-1: лише виявлено");
        for (int i = 1; i <= 4; i++) {
            send(oks.register("2-2: направлено " + i).id());
        }
        long redirected = oks.register("2-8: перенаправлено").id();
        send(redirected);
        service.transition(oks.inspector, redirected, new TransitionRequest(REDIRECTED, "не та організація",
                oks.otherOrg.id(), null, List.of()));
        long accepted = oks.register("3-3: прийнято").id();
        send(accepted);
        step(oks.executor, accepted, ACCEPTED);
        long reported = oks.register("4-4: звітовано").id();
        send(reported);
        step(oks.executor, reported, ACCEPTED);
        step(oks.executor, reported, REPORTED);
        long confirmed = oks.register("4-5: підтверджено").id();
        send(confirmed);
        step(oks.executor, confirmed, ACCEPTED);
        step(oks.executor, confirmed, REPORTED);
        step(oks.inspector, confirmed, CONFIRMED);
        long disputed = oks.register("5-7: конфліктне").id();
        send(disputed);
        service.transition(oks.executor, disputed, new TransitionRequest(DISPUTED, "це не наша ділянка", null, null,
                List.of()));
        // the seed's screen was taken the same day: nothing has waited 7 days
        oks.clock().advance(Duration.ofHours(2));
    }

    @AfterAll
    static void close() {
        oks.close();
    }

    private static void send(long id) {
        service.transition(oks.inspector, id, new TransitionRequest(SENT, null, oks.org.id(), oks.today().plusDays(14),
                List.of()));
    }

    private static void step(PortalUser who, long id, ActionKind kind) {
        service.transition(who, id, OksTestSetup.plainStep(kind));
    }

    private static String name(String key) {
        return NAMES.message(key, UK).orElseThrow(() -> new AssertionError("no text " + key));
    }

    @Test
    void tableA_byTheLastStatuses() {
        List<String> table = new ArrayList<>();
        for (AgeRow<StatusGroup> r : analytics.byStatusGroup(oks.viewer)) {
            table.add(name(r.key().messageKey()) + "\t" + r.count() + "\t" + r.over7() + "\t" + r.over30());
        }
        assertEquals(List.of(
                "Без виконавця\t1\t0\t0",
                "Направлено\t5\t0\t0",
                "В стані вирішення\t1\t0\t0",
                "Виконано\t2\t0\t0",
                "Конфліктне\t1\t0\t0"), table);
    }

    @Test
    void tableB_byResponsibility() {
        List<String> table = new ArrayList<>();
        analytics.byResponsibility(oks.viewer).forEach(r -> table.add(name(r.key().messageKey()) + "\t" + r.count()));
        assertEquals(List.of("Адміністратори\t0", "Інспектори\t4", "Виконавці\t6"), table);
    }

    @Test
    void tableC_detailed() {
        List<String> table = new ArrayList<>();
        for (AgeRow<WorkflowAction> r : analytics.byAction(oks.viewer)) {
            WorkflowAction a = r.key();
            table.add(a.displayCode() + "\t" + name(a.group().messageKey()) + "\t" + a.name() + "\t" + r.count() + "\t"
                    + r.over7() + "\t" + r.over30() + "\t" + name(a.responsible().messageKey()));
        }
        // the seed's screen shows the first three rows; the rest of the catalogue follows in its order
        assertEquals("1-1\tБез виконавця\tВиявлено порушення\t1\t0\t0\tІнспектори", table.get(0));
        assertTrue(table.get(1).startsWith("1-18\tБез виконавця\tВиявлено порушення"), table.get(1));
        assertTrue(table.get(1).endsWith("\t0\t0\t0\tІнспектори"), table.get(1));
        assertEquals("2-2\tНаправлено\tНаправлено виконавцю\t4\t0\t0\tВиконавці", table.get(2));
        assertEquals(List.of(
                "2-8\tНаправлено\tПеренаправлено\t1\t0\t0\tВиконавці",
                "3-3\tВ стані вирішення\tПрийнято до виконання\t1\t0\t0\tВиконавці",
                "3-6\tВ стані вирішення\tВідправлено на доопрацювання\t0\t0\t0\tВиконавці",
                "3-9\tВ стані вирішення\tТермін продовжено\t0\t0\t0\tВиконавці",
                "3-11\tВ стані вирішення\tСкладено припис\t0\t0\t0\tІнспектори",
                "3-12\tВ стані вирішення\tПередано до суду\t0\t0\t0\tІнспектори",
                "4-4\tВиконано\tЗвітовано про виконання\t1\t0\t0\tІнспектори",
                "4-5\tВиконано\tВиконання підтверджено\t1\t0\t0\tІнспектори",
                "4-13\tВиконано\tСплачено штраф\t0\t0\t0\tІнспектори",
                "5-7\tКонфліктне\tКонфліктне\t1\t0\t0\tІнспектори"), table.subList(3, table.size()));
    }

    @Test
    void oberitStatus_narrowsEveryTableToTheChosenStatus() {
        StatusSelection sent = StatusSelection.group(StatusGroup.SENT);
        List<AgeRow<StatusGroup>> a = analytics.byStatusGroup(oks.viewer, sent);
        assertEquals(1, a.size());
        assertEquals(5, a.get(0).count());
        assertEquals(List.of(0L, 0L, 5L), analytics.byResponsibility(oks.viewer, sent).stream()
                .map(OksAnalytics.CountRow::count).toList());
        assertEquals(List.of("2-2", "2-8"), analytics.byAction(oks.viewer, sent).stream()
                .map(r -> r.key().displayCode()).toList());

        WorkflowAction confirmed = oks.catalog().actions().stream().filter(x -> x.kind() == CONFIRMED).findFirst()
                .orElseThrow();
        StatusSelection one = StatusSelection.action(confirmed);
        List<AgeRow<StatusGroup>> done = analytics.byStatusGroup(oks.viewer, one);
        assertEquals(List.of(StatusGroup.DONE), done.stream().map(AgeRow::key).toList());
        assertEquals(1, done.get(0).count(), "only the confirmed of the two «Виконано»");
        assertEquals(List.of("4-5"), analytics.byAction(oks.viewer, one).stream().map(r -> r.key().displayCode())
                .toList());
        assertEquals(List.of(0L, 1L, 0L), analytics.byResponsibility(oks.viewer, one).stream()
                .map(OksAnalytics.CountRow::count).toList());
        // the whole screen again when nothing is chosen
        assertEquals(10, analytics.byStatusGroup(oks.viewer, StatusSelection.ALL).stream()
                .mapToLong(AgeRow::count).sum());
    }
}
