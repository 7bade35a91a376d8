package ua.hromada.oks.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.ExecutorOrganisation;
import ua.hromada.oks.api.JournalEntry;
import ua.hromada.oks.api.ResponsibleGroup;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.Urgency;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.api.ViolationType;
import ua.hromada.oks.api.WorkflowAction;
import ua.hromada.oks.notify.ExecutorMailNotifier.Outcome;
import ua.hromada.portal.api.jobs.Jobs;
import ua.hromada.portal.api.mail.Smtp;
import ua.hromada.portal.jobs.JobPools;
import ua.hromada.portal.testing.TestCommunities;
import ua.hromada.portal.testing.ShippedConfig;
import ua.hromada.portal.testing.BundleTexts;

/** Real SMTP: GreenMail listens on a local port and the notifier talks to it through Jakarta Mail. */
class ExecutorMailNotifierTest {
    static final ExecutorOrganisation DECOR = new ExecutorOrganisation(7, "КП «Декоративні культури»",
            "decor@example.org", "0532 000000", true, List.of("executor1"));
    static final ExecutorOrganisation NO_MAIL = new ExecutorOrganisation(8, "Відділ оперативного реагування", " ",
            null, true, List.of());
    static final WorkflowAction SENT = new WorkflowAction(ActionKind.SENT, 2, "Направлено виконавцю", StatusGroup.SENT,
            ResponsibleGroup.EXECUTORS);
    static final WorkflowAction REDIRECTED = new WorkflowAction(ActionKind.REDIRECTED, 8, "Перенаправлено",
            StatusGroup.SENT, ResponsibleGroup.EXECUTORS);
    static final WorkflowAction ACCEPTED = new WorkflowAction(ActionKind.ACCEPTED, 3, "Прийнято до виконання",
            StatusGroup.IN_PROGRESS, ResponsibleGroup.EXECUTORS);

    private GreenMail smtp;
    private ExecutorMailNotifier notifier;
    private final JobPools pools = new JobPools(Map.of());
    private final Jobs jobs = pools.forModule("oks-notify");
    private final TestCommunities communities = new TestCommunities();

    @BeforeEach
    void startServer() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stop() {
        if (notifier != null) {
            notifier.deactivate();
        }
        smtp.stop();
        pools.close();
    }

    static Violation violation(long id, ExecutorOrganisation executor, Urgency urgency, WorkflowAction last) {
        return new Violation(id, "inspector1", "Іван Петренко", Instant.parse("2026-11-20T08:15:00Z"),
                LocalDate.of(2026, 12, 4), new ViolationType(1, "trees", "Дерева та зелені насадження", null, true),
                "Аварійне дерево <нахилилося> над тротуаром & дорогою", "вул. Європейська, 12", 49.5894, 34.5513,
                urgency, executor, null, null, last, Instant.parse("2026-11-20T09:40:00Z"), false);
    }

    static JournalEntry step(long violationId, WorkflowAction action, ExecutorOrganisation executor) {
        return new JournalEntry(101, violationId, Instant.parse("2026-11-20T09:40:00Z"), "inspector1", "Іван Петренко",
                action, "Прошу усунути негайно", LocalDate.of(2026, 12, 4), executor.id(), executor.name(), List.of());
    }

    MailSettings settings(boolean enabled, int port, int attempts) {
        return new MailSettings(enabled, "127.0.0.1", port, "ОКС Полтава <oks@rada.example>", "", "",
                Smtp.Security.NONE, 2000, 4000, attempts, 20, "");
    }

    ExecutorMailNotifier notifier(MailSettings settings) {
        Map<Long, ExecutorOrganisation> orgs = Map.of(DECOR.id(), DECOR, NO_MAIL.id(), NO_MAIL);
        notifier = new ExecutorMailNotifier(settings, id -> Optional.ofNullable(orgs.get(id)),
                () -> "https://portal.example.gov.ua/", jobs, communities);
        return notifier;
    }

    /** Configuration keys (as in the .cfg file) for the local SMTP server, on top of {@code base}. */
    static java.util.Properties localSmtp(java.util.Properties base, int port) {
        base.setProperty("enabled", "true");
        base.setProperty("host", "127.0.0.1");
        base.setProperty("port", String.valueOf(port));
        base.setProperty("security", "none");
        base.setProperty("from", "ОКС <oks@rada.example>");
        return base;
    }

    static String part(MimeMessage m, String type) throws Exception {
        Multipart multipart = (Multipart) m.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart p = multipart.getBodyPart(i);
            if (p.isMimeType(type)) {
                assertTrue(p.getContentType().toLowerCase().contains("charset=utf-8"), p.getContentType());
                return (String) p.getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    @Test
    void sentStepMailsTheExecutorInUkrainianWithTheLink() throws Exception {
        ExecutorMailNotifier n = notifier(settings(true, smtp.getSmtp().getPort(), 2));
        Violation v = violation(4217, DECOR, Urgency.URGENT, SENT);
        assertEquals(Outcome.SENT, n.notice(v, step(4217, SENT, DECOR)).get(10, TimeUnit.SECONDS));

        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage m = received[0];
        assertEquals("decor@example.org", ((InternetAddress) m.getAllRecipients()[0]).getAddress());
        assertEquals("oks@rada.example", ((InternetAddress) m.getFrom()[0]).getAddress());
        assertEquals("ОКС Полтава", ((InternetAddress) m.getFrom()[0]).getPersonal());
        assertEquals("ТЕРМІНОВО. ОКС: вам направлено порушення № 4217 — Дерева та зелені насадження", m.getSubject());
        assertEquals("auto-generated", m.getHeader("Auto-Submitted", null));
        String text = part(m, "text/plain");
        for (String expected : List.of("Шановні колеги!", "Організації «КП «Декоративні культури»» направлено",
                "ID: 4217", "Тип: Дерева та зелені насадження", "Адреса: вул. Європейська, 12",
                "Опис: Аварійне дерево <нахилилося> над тротуаром & дорогою", "Термін усунення: 04.12.2026",
                "Терміновість: термінове", "Коментар: Прошу усунути негайно",
                "Картка порушення: https://portal.example.gov.ua/oks/violation/4217")) {
            assertTrue(text.contains(expected), () -> "missing «" + expected + "» in:\n" + text);
        }
        String html = part(m, "text/html");
        assertTrue(html.contains("<a href=\"https://portal.example.gov.ua/oks/violation/4217\">"), html);
        assertTrue(html.contains("Аварійне дерево &lt;нахилилося&gt; над тротуаром &amp; дорогою"), html);
    }

    @Test
    void redirectedStepMailsTheNewExecutorAndConfiguredUrlWins() throws Exception {
        MailSettings s = settings(true, smtp.getSmtp().getPort(), 1);
        s = new MailSettings(s.enabled(), s.host(), s.port(), s.from(), s.username(), s.password(), s.security(),
                s.connectTimeoutMs(), s.timeoutMs(), s.attempts(), s.retryDelayMs(), "http://oks.local:8181/hromada");
        ExecutorMailNotifier n = notifier(s);
        Violation v = violation(15, DECOR, Urgency.NORMAL, REDIRECTED);
        assertEquals(Outcome.SENT, n.notice(v, step(15, REDIRECTED, DECOR)).get(10, TimeUnit.SECONDS));
        MimeMessage m = smtp.getReceivedMessages()[0];
        assertEquals("ОКС: вам перенаправлено порушення № 15 — Дерева та зелені насадження", m.getSubject());
        String text = part(m, "text/plain");
        assertTrue(text.contains("Порушення перенаправлено організації «КП «Декоративні культури»»"), text);
        assertTrue(text.contains("Терміновість: звичайне"), text);
        assertTrue(text.contains("http://oks.local:8181/hromada/oks/violation/15"), text);
    }

    @Test
    void otherStepsAndDisabledConfigSendNothing() throws Exception {
        ExecutorMailNotifier off = notifier(settings(false, smtp.getSmtp().getPort(), 1));
        Violation v = violation(3, DECOR, Urgency.NORMAL, SENT);
        assertEquals(Outcome.DISABLED, off.notice(v, step(3, SENT, DECOR)).get(5, TimeUnit.SECONDS));
        off.stepCommitted(v, step(3, SENT, DECOR));
        off.deactivate();

        ExecutorMailNotifier on = notifier(settings(true, smtp.getSmtp().getPort(), 1));
        assertEquals(Outcome.NOT_A_SEND_STEP,
                on.notice(violation(3, DECOR, Urgency.NORMAL, ACCEPTED), step(3, ACCEPTED, DECOR)).get(5, TimeUnit.SECONDS));
        assertEquals(Outcome.NO_ADDRESS,
                on.notice(violation(4, NO_MAIL, Urgency.NORMAL, SENT), step(4, SENT, NO_MAIL)).get(5, TimeUnit.SECONDS));
        // the server is up: had anything been sent it would be here
        assertTrue(!smtp.waitForIncomingEmail(500, 1), "nothing may arrive");
        assertEquals(0, smtp.getReceivedMessages().length);
    }

    @Test
    void unreachableServerIsRetriedAndLoggedNotThrown() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        ExecutorMailNotifier n = notifier(settings(true, closedPort, 3));
        Violation v = violation(99, DECOR, Urgency.NORMAL, SENT);
        n.stepCommitted(v, step(99, SENT, DECOR)); // returns at once, nothing thrown
        long start = System.nanoTime();
        assertEquals(Outcome.FAILED, n.notice(v, step(99, SENT, DECOR)).get(30, TimeUnit.SECONDS));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(40), "two delays between three attempts");
    }

    @Test
    void stepCommittedReturnsBeforeTheMailIsSent() throws Exception {
        ExecutorMailNotifier n = notifier(settings(true, smtp.getSmtp().getPort(), 1));
        Violation v = violation(5, DECOR, Urgency.NORMAL, SENT);
        String caller = Thread.currentThread().getName();
        n.stepCommitted(v, step(5, SENT, DECOR));
        assertTrue(smtp.waitForIncomingEmail(10_000, 1));
        assertEquals("decor@example.org", ((InternetAddress) smtp.getReceivedMessages()[0].getAllRecipients()[0]).getAddress());
        assertTrue(!caller.equals("oks-mail"));
    }

    @Test
    void aCommunitySendsFromItsOwnAddressWithItsOwnLink() throws Exception {
        communities.add(new ua.hromada.portal.api.community.Community("reshetylivka",
                List.of("reshetylivka.portal.example"), java.util.Set.of(), Map.of(MailConfig.PID + "/from",
                        "ОКС Решетилівка <oks@reshetylivka.example>", MailConfig.PID + "/portal.url",
                        "https://reshetylivka.portal.example")));
        ExecutorMailNotifier n = notifier(settings(true, smtp.getSmtp().getPort(), 1));
        Violation v = violation(77, DECOR, Urgency.NORMAL, SENT);
        assertEquals(Outcome.SENT, communities.callAs("reshetylivka", () -> n.notice(v, step(77, SENT, DECOR)))
                .get(10, TimeUnit.SECONDS));
        assertEquals(Outcome.SENT, n.notice(v, step(77, SENT, DECOR)).get(10, TimeUnit.SECONDS), "the default one");

        MimeMessage own = smtp.getReceivedMessages()[0];
        assertEquals("oks@reshetylivka.example", ((InternetAddress) own.getFrom()[0]).getAddress());
        assertEquals("ОКС Решетилівка", ((InternetAddress) own.getFrom()[0]).getPersonal());
        assertTrue(part(own, "text/plain").contains("Картка порушення: https://reshetylivka.portal.example/oks/violation/77"));
        MimeMessage shared = smtp.getReceivedMessages()[1];
        assertEquals("oks@rada.example", ((InternetAddress) shared.getFrom()[0]).getAddress());
        assertTrue(part(shared, "text/plain").contains("Картка порушення: https://portal.example.gov.ua/oks/violation/77"));
    }

    @Test
    void logsInWithThePrivatePasswordKey() throws Exception {
        smtp.setUser("oks@rada.example", "oks", "s3cret");
        java.util.Properties p = localSmtp(new java.util.Properties(), smtp.getSmtp().getPort());
        p.setProperty("username", "oks");
        p.setProperty(".password", "wrong");
        p.setProperty("attempts", "1");
        Violation v = violation(6, DECOR, Urgency.NORMAL, SENT);
        notifier = new ExecutorMailNotifier(MailSettings.of(ShippedConfig.as(MailConfig.class, p)), id -> Optional.of(DECOR), () -> null, jobs, communities);
        assertEquals(Outcome.FAILED, notifier.notice(v, step(6, SENT, DECOR)).get(10, TimeUnit.SECONDS), "server refuses");
        notifier.deactivate();

        p.setProperty(".password", "s3cret");
        notifier = new ExecutorMailNotifier(MailSettings.of(ShippedConfig.as(MailConfig.class, p)), id -> Optional.of(DECOR), () -> null, jobs, communities);
        assertEquals(Outcome.SENT, notifier.notice(v, step(6, SENT, DECOR)).get(10, TimeUnit.SECONDS));
        assertEquals(1, smtp.getReceivedMessages().length);
        assertTrue(!MailSettings.of(ShippedConfig.as(MailConfig.class, p)).toString().contains("s3cret"));
    }

    @Test
    void ukrainianAndEnglishFilesHaveTheSameKeys() throws Exception {
        java.util.Properties uk = BundleTexts.load(NoticeComposer.class, "/i18n/oks-notify.properties");
        java.util.Properties en = BundleTexts.load(NoticeComposer.class, "/i18n/oks-notify_en.properties");
        assertEquals(uk.keySet(), en.keySet());
    }

    @Test
    void stoppingWithARetryPendingGivesItUp() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        MailSettings s = settings(true, closedPort, 3);
        ExecutorMailNotifier n = new ExecutorMailNotifier(new MailSettings(s.enabled(), s.host(), s.port(), s.from(),
                s.username(), s.password(), s.security(), s.connectTimeoutMs(), s.timeoutMs(), s.attempts(), 60_000,
                s.portalUrl()), id -> Optional.of(DECOR), () -> null, jobs, communities);
        var outcome = n.notice(violation(42, DECOR, Urgency.NORMAL, SENT), step(42, SENT, DECOR));
        Thread.sleep(300); // the first attempt fails at once; the second waits a minute
        n.deactivate();
        assertEquals(Outcome.FAILED, outcome.get(5, TimeUnit.SECONDS));
    }

    @Test
    void cardLinkJoinsBaseAndPath() {
        assertEquals("http://h/oks/violation/1", NoticeComposer.cardLink("http://h/", 1));
        assertEquals("http://h/ctx/oks/violation/2", NoticeComposer.cardLink(" http://h/ctx ", 2));
        assertEquals(null, NoticeComposer.cardLink(" ", 3));
    }

    @Test
    void theStateSaysWhetherNoticesGoOut() throws IOException {
        java.util.Properties shipped = ShippedConfig.read(MailConfig.PID);
        assertEquals(ua.hromada.oks.api.MailNotices.State.DISABLED,
                notifier(MailSettings.of(ShippedConfig.as(MailConfig.class, shipped))).state(), "off as shipped");
        notifier.deactivate();
        java.util.Properties noHost = ShippedConfig.read(MailConfig.PID);
        noHost.setProperty("enabled", "true");
        assertEquals(ua.hromada.oks.api.MailNotices.State.INCOMPLETE,
                notifier(MailSettings.of(ShippedConfig.as(MailConfig.class, noHost))).state(), "enabled without a server");
        notifier.deactivate();
        assertEquals(ua.hromada.oks.api.MailNotices.State.ON, notifier(settings(true, 2525, 1)).state());
    }
}
