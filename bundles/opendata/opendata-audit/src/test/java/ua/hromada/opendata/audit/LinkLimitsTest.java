package ua.hromada.opendata.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import ua.hromada.opendata.api.AuditRun;
import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.Finding;
import ua.hromada.opendata.service.OutboundForTests;

/**
 * The link checks' polite limits against a local server that counts its requests: no more at once
 * per host than configured, no more per day than the community's budget (the run says what it left
 * unchecked), and no request at all to an internal address the allow-list does not allow.
 */
class LinkLimitsTest {
    private HttpServer server;
    private ExecutorService serverThreads;
    private String base;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger now = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();
    private AuditFixture f;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serverThreads = Executors.newCachedThreadPool(); // the test's server, not the portal's work
        server.setExecutor(serverThreads);
        server.createContext("/", x -> {
            requests.incrementAndGet();
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            try {
                Thread.sleep(250); // long enough for checks of the same host to overlap if allowed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                now.decrementAndGet();
            }
            byte[] body = (x.getRequestURI().getPath().startsWith("/gone") ? "<html>немає</html>" : AuditFixture.GOOD_CSV)
                    .getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", "text/csv; charset=utf-8");
            x.sendResponseHeaders(x.getRequestURI().getPath().startsWith("/gone") ? 404 : 200, body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (f != null) {
            f.close();
        }
        server.stop(0);
        serverThreads.shutdownNow();
    }

    private AuditFixture fixture(int concurrent, int perHost, int budget, String... allowed) {
        AuditSettings s = AuditSettings.defaults().withLinks(true, Duration.ofSeconds(2), Duration.ofSeconds(3))
                .withLinkLimits(concurrent, perHost, budget);
        return new AuditFixture(s, OutboundForTests.allowing(allowed));
    }

    private Dataset linked(DataManager m, String identifier, String path) {
        Dataset d = f.save(AuditFixture.passport(m, identifier));
        f.registry().addLink(f.registrySetup.steward, d.id(), "Дані " + identifier, "CSV", base + path);
        return d;
    }

    @Test
    void noMoreChecksAtOnceAgainstOneHostThanAllowed() {
        f = fixture(8, 2, 100, "127.0.0.1");
        DataManager m = f.manager("Департамент");
        for (int i = 0; i < 6; i++) {
            linked(m, "d" + i, "/file" + i + ".csv");
        }
        AuditRun run = f.runAudit();
        assertEquals(6, requests.get(), "every link checked once");
        assertEquals(2, most.get(), "two at once against 127.0.0.1, though eight may run in all");
        assertEquals(0, run.findings());
        assertTrue(f.audit.notice(run.id()).isEmpty());
    }

    @Test
    void theDailyBudgetStopsChecksAndTheRunSaysSo() {
        f = fixture(8, 2, 3, "127.0.0.1");
        DataManager m = f.manager("Департамент");
        for (int i = 0; i < 5; i++) {
            linked(m, "d" + i, "/gone" + i + ".csv");
        }
        AuditRun first = f.runAudit();
        assertEquals(3, requests.get(), "three checks a day");
        assertEquals(3, first.findings(), "the links checked are broken; those left unchecked are no finding");
        String notice = f.audit.notice(first.id()).orElseThrow();
        assertTrue(notice.contains("Денний ліміт перевірок посилань (3 на добу) вичерпано: 2 посилань"), notice);

        assertTrue(reportText().contains("Денний ліміт перевірок посилань (3 на добу) вичерпано"), "the report says so too");

        AuditRun again = f.runAudit();
        assertEquals(3, requests.get(), "the day's budget is the community's, not the run's");
        assertEquals(0, again.findings());
        assertTrue(f.audit.notice(again.id()).orElseThrow().contains(": 5 посилань"));

        f.clock.advance(Duration.ofDays(1));
        AuditRun nextDay = f.runAudit();
        assertEquals(6, requests.get(), "a new day, a new budget");
        assertEquals(3, nextDay.findings());
    }

    @Test
    void aCommunityMaySetItsOwnDailyBudget() {
        f = fixture(8, 2, 3, "127.0.0.1");
        f.registrySetup.communities().add(new ua.hromada.portal.api.community.Community("a", List.of("a.test"),
                java.util.Set.of(), java.util.Map.of(AuditConfig.PID + "/links.daily.budget", "1")))
                .add(new ua.hromada.portal.api.community.Community("b", List.of("b.test"), java.util.Set.of(),
                        java.util.Map.of(AuditConfig.PID + "/links.daily.budget", "many")));
        assertEquals(3, f.audit.dailyBudget(), "the shared budget");
        assertEquals(1, f.registrySetup.communities().callAs("a", f.audit::dailyBudget), "a's overlay");
        assertEquals(3, f.registrySetup.communities().callAs("b", f.audit::dailyBudget), "not a number: the shared one");
    }

    private String reportText() {
        java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
        f.reports.write(f.registrySetup.auditor, java.time.LocalDate.ofInstant(f.clock.instant(),
                AuditSettings.defaults().zone()), ua.hromada.opendata.api.AuditReports.Format.PDF, pdf);
        try (var doc = org.apache.pdfbox.pdmodel.PDDocument.load(pdf.toByteArray())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aLinkToAnInternalAddressIsRefusedNotFetched() {
        f = fixture(8, 2, 100); // public addresses only, as shipped
        DataManager m = f.manager("Департамент");
        Dataset d = linked(m, "internal", "/file.csv");
        AuditRun run = f.runAudit();
        assertEquals(0, requests.get(), "nothing reached the internal server");
        List<Finding> found = f.findings(run, d);
        assertEquals(List.of("link-unreachable"), found.stream().map(Finding::rule).toList(), found::toString);
        assertTrue(found.get(0).explanation().contains("адреса 127.0.0.1 належить до внутрішньої (непублічної) мережі"),
                found.get(0).explanation());
    }
}
