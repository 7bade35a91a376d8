package ua.hromada.eservices.service.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import ua.hromada.portal.jobs.JobPools;
import ua.hromada.portal.testing.ShippedConfig;
import ua.hromada.portal.testing.TestCommunities;

/** Real SMTP: GreenMail listens on a local port and the mailer talks to it through Jakarta Mail. */
class MailerTest {
    private GreenMail smtp;
    private final JobPools pools = new JobPools(Map.of());
    private final TestCommunities communities = new TestCommunities();

    @BeforeEach
    void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
        pools.close();
    }

    private Mailer mailer(MailSettings settings) {
        return Mailer.of(settings, pools.forModule("eservices"), communities, Clock.systemUTC());
    }

    @Test
    void sendsUkrainianPlainTextFromTheConfiguredSender() throws Exception {
        Mailer mailer = mailer(MailSettings.local(smtp.getSmtp().getPort(), "Звернення <zvernennia@rada.example>", 1, 10));
        assertEquals(Mailer.State.READY, mailer.state());
        assertEquals(Mailer.Outcome.SENT, mailer.send("resident@example.org", "Звернення № 2027-1 зареєстровано",
                "Шановна Олено!\nВаше звернення зареєстровано.").get(10, TimeUnit.SECONDS));
        MimeMessage m = smtp.getReceivedMessages()[0];
        assertEquals("resident@example.org", ((InternetAddress) m.getAllRecipients()[0]).getAddress());
        assertEquals("zvernennia@rada.example", ((InternetAddress) m.getFrom()[0]).getAddress());
        assertEquals("Звернення № 2027-1 зареєстровано", m.getSubject());
        assertEquals("auto-generated", m.getHeader("Auto-Submitted", null));
        assertTrue(m.getContentType().toLowerCase().contains("charset=utf-8"), m.getContentType());
        assertTrue(((String) m.getContent()).contains("Ваше звернення зареєстровано."));
    }

    @Test
    void unreachableServerIsRetriedThenGivenUpWithoutThrowing() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Mailer mailer = mailer(MailSettings.local(closed, "zvernennia@rada.example", 3, 20));
        long start = System.nanoTime();
        assertEquals(Mailer.Outcome.FAILED, mailer.send("resident@example.org", "Тема", "Текст").get(30, TimeUnit.SECONDS));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(40), "two delays between three attempts");
    }

    @Test
    void shippedConfigurationIsOffAndIncompleteSettingsSendNothing() throws Exception {
        MailConfig shipped = ShippedConfig.as(MailConfig.class, ShippedConfig.read(MailConfig.PID));
        MailSettings settings = MailSettings.of(shipped);
        assertFalse(settings.enabled());
        assertEquals("starttls", settings.security());
        Mailer off = mailer(settings);
        assertEquals(Mailer.State.DISABLED, off.state());
        assertEquals(Mailer.Outcome.DISABLED, off.send("a@example.org", "Тема", "Текст").get(5, TimeUnit.SECONDS));

        Mailer noHost = mailer(new MailSettings(true, " ", 25, "x@rada.example", "", "", "none", 1000, 1000, 1, 0));
        assertEquals(Mailer.State.INCOMPLETE, noHost.state());
        assertEquals(Mailer.Outcome.FAILED, noHost.send("a@example.org", "Тема", "Текст").get(5, TimeUnit.SECONDS));
        assertFalse(smtp.waitForIncomingEmail(300, 1), "nothing may arrive");
    }

    @Test
    void aCommunityWithItsOwnSenderSendsFromIt() throws Exception {
        communities.add(new ua.hromada.portal.api.community.Community("lubny", java.util.List.of("lubny.example"),
                java.util.Set.of(), Map.of(MailConfig.PID + "/from", "lubny@rada.example")));
        Mailer mailer = mailer(MailSettings.local(smtp.getSmtp().getPort(), "poltava@rada.example", 1, 10));
        assertEquals(Mailer.Outcome.SENT, communities.callAs("lubny",
                () -> mailer.send("r@example.org", "Тема", "Текст")).get(10, TimeUnit.SECONDS));
        assertEquals("lubny@rada.example",
                ((InternetAddress) smtp.getReceivedMessages()[0].getFrom()[0]).getAddress());
    }
}
