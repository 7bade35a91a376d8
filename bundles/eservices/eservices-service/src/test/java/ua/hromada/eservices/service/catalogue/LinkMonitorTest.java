package ua.hromada.eservices.service.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import jakarta.mail.internet.MimeMessage;
import ua.hromada.eservices.api.EService;
import ua.hromada.eservices.api.EservicesException;
import ua.hromada.eservices.api.LinkCheck;
import ua.hromada.eservices.api.LinkState;
import ua.hromada.eservices.api.Unit;
import ua.hromada.eservices.service.EservicesTestSetup;
import ua.hromada.eservices.service.mail.MailSettings;
import ua.hromada.eservices.service.mail.Mailer;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.outbound.OutboundPolicy;
import ua.hromada.portal.outbound.OutboundHttpImpl;

/**
 * The link checks against a local HTTP server (never the Internet): answers, errors, redirects,
 * a loop, HEAD refused, a timeout; the monitor's broken state and the unit's e-mail over real SMTP.
 */
class LinkMonitorTest {
    private final EservicesTestSetup setup = new EservicesTestSetup();
    private final HttpServer server;
    private final List<String> methods = new CopyOnWriteArrayList<>();
    /** The status /flaky answers; a test switches it. */
    private final AtomicInteger flaky = new AtomicInteger(500);
    private GreenMail smtp;

    LinkMonitorTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(setup.pools().forModule("test").executor("eservices.test.http", 4));
        server.createContext("/ok", e -> answer(e, 200, null));
        server.createContext("/missing", e -> answer(e, 404, null));
        server.createContext("/fail", e -> answer(e, 500, null));
        server.createContext("/flaky", e -> answer(e, flaky.get(), null));
        // /r/3 -> /r/2 -> /r/1 -> /ok
        server.createContext("/r/", e -> {
            int n = Integer.parseInt(e.getRequestURI().getPath().substring(3));
            answer(e, 302, n <= 1 ? "/ok" : "/r/" + (n - 1));
        });
        server.createContext("/loop-a", e -> answer(e, 301, address() + "/loop-b"));
        server.createContext("/loop-b", e -> answer(e, 307, "/loop-a"));
        server.createContext("/get-only", e -> answer(e, e.getRequestMethod().equals("HEAD") ? 405 : 200, null));
        server.createContext("/slow", e -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            answer(e, 200, null);
        });
        server.start();
    }

    private void answer(HttpExchange e, int status, String location) throws IOException {
        methods.add(e.getRequestMethod() + " " + e.getRequestURI().getPath());
        if (location != null) {
            e.getResponseHeaders().add("Location", location);
        }
        byte[] body = "<html>page</html>".getBytes(StandardCharsets.UTF_8);
        boolean head = e.getRequestMethod().equals("HEAD");
        e.sendResponseHeaders(status, head ? -1 : body.length);
        try (OutputStream out = e.getResponseBody()) {
            if (!head) {
                out.write(body);
            }
        }
    }

    private String address() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void close() {
        server.stop(0);
        if (smtp != null) {
            smtp.stop();
        }
        setup.close();
    }

    private LinkProbe probe() {
        Duration timeout = Duration.ofSeconds(1);
        return new LinkProbe(new OutboundHttpImpl(), OutboundPolicy.allowing("allowed.networks", List.of("127.0.0.1")),
                timeout, 3, "test");
    }

    @Test
    void answersErrorsRedirectsLoopsRefusedHeadAndTimeouts() throws IOException {
        LinkProbe probe = probe();
        LinkProbe.Result ok = probe.check(address() + "/ok");
        assertTrue(ok.ok());
        assertEquals(200, ok.status());
        assertEquals(List.of("HEAD /ok"), methods, "HEAD alone when it answers");

        LinkProbe.Result missing = probe.check(address() + "/missing");
        assertFalse(missing.ok());
        assertEquals(404, missing.status());
        assertEquals(LinkProbe.STATUS, missing.error());
        assertEquals(500, probe.check(address() + "/fail").status());

        LinkProbe.Result chain = probe.check(address() + "/r/3");
        assertTrue(chain.ok());
        assertEquals(address() + "/ok", chain.finalUrl());
        LinkProbe.Result tooLong = probe.check(address() + "/r/5");
        assertEquals(LinkProbe.REDIRECTS, tooLong.error());
        assertEquals(302, tooLong.status());
        assertEquals(LinkProbe.LOOP, probe.check(address() + "/loop-a").error());

        methods.clear();
        LinkProbe.Result getOnly = probe.check(address() + "/get-only");
        assertTrue(getOnly.ok());
        assertEquals(List.of("HEAD /get-only", "GET /get-only"), methods);

        LinkProbe.Result slow = probe.check(address() + "/slow");
        assertFalse(slow.ok());
        assertEquals(LinkProbe.TIMEOUT, slow.error());
        assertTrue(slow.durationMs() >= 900 && slow.durationMs() < 2900, "waited the timeout, not the answer: " + slow.durationMs());
        assertNull(slow.status());

        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        assertEquals(LinkProbe.CONNECTION, probe.check("http://127.0.0.1:" + closed + "/").error());

        // an address of the machine or the council's network that allowed.networks does not list: never asked
        methods.clear();
        LinkProbe strict = new LinkProbe(new OutboundHttpImpl(), OutboundPolicy.allowing("allowed.networks", List.of()),
                Duration.ofSeconds(1), 3, "test");
        assertEquals(LinkProbe.REFUSED, strict.check(address() + "/ok").error());
        assertEquals(LinkProbe.REFUSED, strict.check("http://169.254.169.254/latest/meta-data").error());
        assertTrue(methods.isEmpty(), "nothing reached the server");
    }

    @Test
    void aLinkBreaksAfterTwoFailuresInARowItsUnitIsMailedOnceAndItRecovers() throws Exception {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        Mailer mailer = Mailer.of(MailSettings.local(smtp.getSmtp().getPort(), "portal@example.org", 1, 0),
                setup.pools().forModule("eservices"), setup.communities(), setup.clock());
        LinkMonitorImpl monitor = setup.linkMonitor(mailer, Map.of("timeout.seconds", 1));
        Unit unit = setup.units().save(setup.manager, Unit.create("cnap", "ЦНАП", null, "cnap@example.org", null));
        EService flakyService = setup.catalogue().save(setup.editor,
                EService.create("queue", "Електронна черга", null, address() + "/flaky").withUnit(unit.id()));
        EService fine = setup.catalogue().save(setup.editor, EService.create("diia", "Дія", null, address() + "/r/2"));

        monitor.checkAll();
        EService once = setup.catalogue().find(flakyService.id()).orElseThrow();
        assertEquals(LinkState.UNCHECKED, once.link().state(), "one failure is not yet broken");
        assertEquals(1, once.link().failuresInRow());
        assertEquals(LinkState.OK, setup.catalogue().find(fine.id()).orElseThrow().link().state());

        monitor.checkAll();
        EService broken = setup.catalogue().find(flakyService.id()).orElseThrow();
        assertEquals(LinkState.BROKEN, broken.link().state());
        assertEquals(500, broken.link().statusCode());
        assertEquals(List.of("queue"), monitor.broken(setup.editor).stream().map(EService::code).toList());
        assertTrue(smtp.waitForIncomingEmail(5000, 1));
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertEquals("cnap@example.org", mail.getAllRecipients()[0].toString());
        assertTrue(mail.getSubject().contains("Електронна черга"), mail.getSubject());
        String text = GreenMailUtil.getBody(mail);
        assertTrue(mail.getContent().toString().contains("500"), text);

        monitor.checkAll();
        Thread.sleep(300);
        assertEquals(1, smtp.getReceivedMessages().length, "no second e-mail while it stays broken");

        flaky.set(200);
        setup.clock().advance(Duration.ofHours(1));
        LinkCheck recovered = monitor.checkNow(setup.editor, flakyService.id());
        assertTrue(recovered.ok());
        assertEquals(LinkState.OK, setup.catalogue().find(flakyService.id()).orElseThrow().link().state());
        assertEquals(4, monitor.historyCount(setup.editor, flakyService.id()));
        List<LinkCheck> history = monitor.history(setup.editor, flakyService.id(), 0, 2);
        assertEquals(List.of(true, false), history.stream().map(LinkCheck::ok).toList(), "newest first");
        assertEquals(25.0, monitor.uptime(setup.editor, flakyService.id()).orElseThrow(), 0.001);
        setup.clock().advance(Duration.ofDays(31));
        assertTrue(monitor.uptime(setup.editor, flakyService.id()).isEmpty(), "no check in the last 30 days");
        assertEquals(Reason.FORBIDDEN, assertThrows(EservicesException.class,
                () -> monitor.checkNow(setup.clerk, fine.id())).reason());
    }

    @Test
    void everyCommunityIsCheckedAsItself() {
        setup.communities().add("kobeliaky", "kobeliaky.example.org");
        EService here = setup.catalogue().save(setup.editor, EService.create("ok", "Тут", null, address() + "/ok"));
        EService there = setup.communities().callAs("kobeliaky", () -> setup.catalogue().save(setup.editor,
                EService.create("missing", "Там", null, address() + "/missing")));
        setup.monitor().checkEveryCommunity();
        assertEquals(1, setup.monitor().historyCount(setup.editor, here.id()));
        assertEquals(0, setup.monitor().historyCount(setup.editor, there.id()), "the other community's checks are its own");
        setup.communities().runAs("kobeliaky", () -> {
            assertEquals(1, setup.monitor().historyCount(setup.editor, there.id()));
            assertEquals(404, setup.catalogue().find(there.id()).orElseThrow().link().statusCode());
        });
    }
}
