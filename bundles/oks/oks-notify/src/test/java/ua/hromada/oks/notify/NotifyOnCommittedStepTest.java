package ua.hromada.oks.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import ua.hromada.portal.jobs.JobPools;
import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.ExecutorOrganisation;
import ua.hromada.oks.api.TransitionRequest;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.service.OksTestSetup;
import ua.hromada.portal.testing.ShippedConfig;

/**
 * The notifier as DS builds it (OksCatalog + MailConfig), registered as a listener of the real
 * OKS service on PostgreSQL; the mail goes to GreenMail over SMTP.
 */
class NotifyOnCommittedStepTest {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private GreenMail smtp;
    private OksTestSetup oks;
    private ExecutorMailNotifier notifier;
    private final JobPools pools = new JobPools(java.util.Map.of());

    @BeforeEach
    void setUp() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        oks = new OksTestSetup();
    }

    @AfterEach
    void tearDown() {
        oks.close();
        if (notifier != null) {
            notifier.deactivate();
        }
        smtp.stop();
        pools.close();
    }

    private void listen(Properties config) {
        notifier = new ExecutorMailNotifier(oks.catalog(), pools.forModule("oks-notify"), oks.communities(),
                ShippedConfig.as(MailConfig.class, config));
        oks.addListener(notifier);
    }

    private Properties enabled() throws IOException {
        Properties p = ExecutorMailNotifierTest.localSmtp(ShippedConfig.read(MailConfig.PID), smtp.getSmtp().getPort());
        p.setProperty("portal.url", "https://hromada.example.gov.ua");
        return p;
    }

    private Violation send(Violation v, long executorId) {
        return oks.violations().transition(oks.inspector, v.id(), new TransitionRequest(ActionKind.SENT,
                "Терміново, біля школи", executorId, oks.today().plusDays(5), List.of()));
    }

    @Test
    void sentAndRedirectedStepsMailTheOrganisations() throws Exception {
        listen(enabled());
        Violation v = send(oks.register("Повалене дерево перекрило тротуар"), oks.org.id());

        assertTrue(smtp.waitForIncomingEmail(15_000, 1), "the notice arrives");
        MimeMessage m = smtp.getReceivedMessages()[0];
        assertEquals("dk@example.org", ((InternetAddress) m.getAllRecipients()[0]).getAddress());
        assertEquals("ОКС: вам направлено порушення № " + v.id() + " — " + oks.type("trees").name(), m.getSubject());
        String text = ExecutorMailNotifierTest.part(m, "text/plain");
        for (String expected : List.of("Організації «КП «Декоративні культури»» направлено", "ID: " + v.id(),
                "Адреса: вул. Соборності, 1", "Опис: Повалене дерево перекрило тротуар",
                "Термін усунення: " + DATE.format(v.deadline()), "Терміновість: звичайне",
                "Коментар: Терміново, біля школи",
                "Картка порушення: https://hromada.example.gov.ua/oks/violation/" + v.id())) {
            assertTrue(text.contains(expected), () -> "missing «" + expected + "» in:\n" + text);
        }

        // the other organisation gets an address; a redirect then mails it
        ExecutorOrganisation other = oks.otherOrg;
        oks.catalog().saveExecutor(oks.admin, new ExecutorOrganisation(other.id(), other.name(), "vor@example.org",
                other.phone(), true, other.members()));
        oks.violations().transition(oks.inspector, v.id(), new TransitionRequest(ActionKind.REDIRECTED,
                "Це ваша ділянка", other.id(), null, List.of()));
        assertTrue(smtp.waitForIncomingEmail(15_000, 2));
        MimeMessage redirected = smtp.getReceivedMessages()[1];
        assertEquals("vor@example.org", ((InternetAddress) redirected.getAllRecipients()[0]).getAddress());
        assertTrue(redirected.getSubject().startsWith("ОКС: вам перенаправлено порушення № " + v.id()));
    }

    @Test
    void aStepOfAnotherCommunityMailsItsOrganisationFromItsSender() throws Exception {
        oks.communities().add(new ua.hromada.portal.api.community.Community("reshetylivka",
                List.of("reshetylivka.portal.example"), java.util.Set.of(),
                java.util.Map.of(MailConfig.PID + "/from", "ОКС Решетилівка <oks@reshetylivka.example>")));
        listen(enabled());
        Violation v = oks.communities().callAs("reshetylivka", () -> {
            // its own organisation, unknown to the default community (the notifier reads it in the step's community)
            ExecutorOrganisation own = oks.catalog().saveExecutor(oks.admin, new ExecutorOrganisation(0,
                    "КП «Решетилівське ЖКГ»", "zhkg@reshetylivka.example", null, true, List.of("executor")));
            return send(oks.register("Повалене дерево"), own.id());
        });
        assertTrue(smtp.waitForIncomingEmail(15_000, 1), "the notice arrives");
        MimeMessage m = smtp.getReceivedMessages()[0];
        assertEquals("zhkg@reshetylivka.example", ((InternetAddress) m.getAllRecipients()[0]).getAddress());
        assertEquals("oks@reshetylivka.example", ((InternetAddress) m.getFrom()[0]).getAddress());
        assertTrue(m.getSubject().contains("№ " + v.id() + " "), m.getSubject());
    }

    @Test
    void acceptedStepAndOrganisationWithoutAddressSendNothing() throws Exception {
        listen(enabled());
        Violation noAddress = send(oks.register("Яма на дорозі"), oks.otherOrg.id()); // otherOrg has no e-mail
        Violation v = send(oks.register("Зламаний знак"), oks.org.id());
        assertTrue(smtp.waitForIncomingEmail(15_000, 1));
        oks.violations().transition(oks.executor, v.id(), TransitionRequest.of(ActionKind.ACCEPTED));
        assertFalse(smtp.waitForIncomingEmail(1_500, 2), "only the one SENT to an organisation with an address");
        MimeMessage only = smtp.getReceivedMessages()[0];
        assertTrue(only.getSubject().contains("№ " + v.id() + " "), only.getSubject());
        assertFalse(only.getSubject().contains("№ " + noAddress.id() + " "));
    }

    @Test
    void shippedConfigIsDisabledAndSendsNothing() throws Exception {
        Properties shipped = ShippedConfig.read(MailConfig.PID);
        assertEquals("false", shipped.getProperty("enabled"));
        Properties atHand = ExecutorMailNotifierTest.localSmtp(ShippedConfig.read(MailConfig.PID), smtp.getSmtp().getPort());
        atHand.setProperty("enabled", shipped.getProperty("enabled")); // as shipped, even with a server at hand
        listen(atHand);
        send(oks.register("Графіті на фасаді"), oks.org.id());
        assertFalse(smtp.waitForIncomingEmail(2_000, 1));
    }

    @Test
    void unreachableServerDoesNotDisturbTheWorkflow() throws Exception {
        Properties p = enabled();
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
            p.setProperty("port", String.valueOf(closed.getLocalPort()));
        }
        p.setProperty("attempts", "2");
        p.setProperty("retry.delay.ms", "10");
        listen(p);
        Violation v = send(oks.register("Незаконна реклама"), oks.org.id());
        // the step stands and the next step works while the mail fails in the background
        assertEquals(ActionKind.SENT, oks.violations().find(oks.inspector, v.id()).orElseThrow().lastAction().kind());
        oks.violations().transition(oks.executor, v.id(), TransitionRequest.of(ActionKind.ACCEPTED));
        assertEquals(ActionKind.ACCEPTED, oks.violations().find(oks.inspector, v.id()).orElseThrow().lastAction().kind());
        assertEquals(0, smtp.getReceivedMessages().length);
    }
}
