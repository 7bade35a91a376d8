package ua.hromada.opendata.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import ua.hromada.opendata.api.AuditRun;
import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.Finding;
import ua.hromada.opendata.api.Severity;
import ua.hromada.opendata.service.OutboundForTests;

/** The link rules against a tiny HTTP server of the test: the right type, 404, a web page, a timeout. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkRulesTest {
    private HttpServer server;
    private AuditFixture f;
    private AuditRun run;
    private Dataset ok;
    private Dataset octet;
    private Dataset missing;
    private Dataset page;
    private Dataset slow;
    private Dataset passportLinkBroken;

    @BeforeAll
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/ok.csv", x -> answer(x, 200, "text/csv; charset=utf-8", AuditFixture.GOOD_CSV));
        server.createContext("/octet.csv", x -> answer(x, 200, "application/octet-stream", AuditFixture.GOOD_CSV));
        server.createContext("/missing.csv", x -> answer(x, 404, "text/html", "<html>not found</html>"));
        server.createContext("/page.csv", x -> answer(x, 200, "text/html; charset=utf-8",
                "<!DOCTYPE html><html><body>Завантажте файл на сторінці</body></html>"));
        server.createContext("/slow.csv", x -> {
            try {
                Thread.sleep(8000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(x, 200, "text/csv", AuditFixture.GOOD_CSV);
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();

        AuditSettings links = AuditSettings.defaults().withLinks(true, Duration.ofMillis(2000), Duration.ofMillis(3000));
        // the test's own server on 127.0.0.1: allowed here only, as allowed.networks would
        f = new AuditFixture(links, OutboundForTests.allowing("127.0.0.1"));
        DataManager m = f.manager("Департамент фінансів");
        ok = linked(m, "ok", base + "/ok.csv");
        octet = linked(m, "octet", base + "/octet.csv");
        missing = linked(m, "missing", base + "/missing.csv");
        page = linked(m, "page", base + "/page.csv");
        slow = linked(m, "slow", base + "/slow.csv");
        Dataset p = AuditFixture.passport(m, "passport-link");
        passportLinkBroken = f.save(AuditFixture.with(p, p.lastModified(), p.frequency(), List.of(base + "/missing.csv"),
                p.structure(), true));
        f.upload(passportLinkBroken, "CSV", "data.csv", AuditFixture.GOOD_CSV.getBytes(StandardCharsets.UTF_8));
        long started = System.nanoTime();
        run = f.runAudit();
        assertTrue(System.nanoTime() - started < 7_000_000_000L, "timeouts bound the run (the slow link answers after 8 s)");
    }

    private Dataset linked(DataManager m, String identifier, String url) {
        Dataset d = f.save(AuditFixture.passport(m, identifier));
        f.registry().addLink(f.registrySetup.steward, d.id(), "Дані " + identifier, "CSV", url);
        return d;
    }

    private static void answer(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    @AfterAll
    void stop() {
        f.close();
        server.stop(0);
    }

    private List<String> rules(Dataset d) {
        return f.findings(run, d).stream().map(Finding::rule).sorted().toList();
    }

    private Finding only(Dataset d, String rule) {
        List<Finding> found = f.findings(run, d);
        assertEquals(List.of(rule), found.stream().map(Finding::rule).toList(), found::toString);
        return found.get(0);
    }

    @Test
    void aCsvServedAsCsvPasses() {
        assertEquals(List.of(), rules(ok));
        assertEquals(List.of(), rules(octet), "a generic type is judged by the bytes");
    }

    @Test
    void notFoundIsUnreachable() {
        Finding x = only(missing, "link-unreachable");
        assertEquals(Severity.CRITICAL, x.severity());
        assertTrue(x.explanation().contains("404"), x.explanation());
    }

    @Test
    void aWebPageInsteadOfTheFileIsTheWrongFormat() {
        Finding x = only(page, "link-wrong-format");
        assertTrue(x.explanation().contains("text/html"), x.explanation());
    }

    @Test
    void aServerTooSlowIsUnreachable() {
        Finding x = only(slow, "link-unreachable");
        assertTrue(x.explanation().contains("за відведений час"), x.explanation());
    }

    @Test
    void thePassportsLinksAreCheckedToo() {
        Finding x = only(passportLinkBroken, "link-unreachable");
        assertEquals(null, x.resourceId());
    }

    @Test
    void withLinkChecksOffNothingIsFetched() {
        try (AuditFixture quiet = new AuditFixture()) {
            DataManager m = quiet.manager("Відділ");
            Dataset d = quiet.save(AuditFixture.passport(m, "unchecked"));
            quiet.registry().addLink(quiet.registrySetup.steward, d.id(), "Дані", "CSV",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/missing.csv");
            AuditRun r = quiet.runAudit();
            assertEquals(List.of(), quiet.findings(r, d));
        }
    }
}
