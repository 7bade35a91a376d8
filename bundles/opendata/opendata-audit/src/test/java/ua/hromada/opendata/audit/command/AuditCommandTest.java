package ua.hromada.opendata.audit.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import ua.hromada.opendata.api.AuditRun;
import ua.hromada.opendata.audit.AuditDatabase;
import ua.hromada.opendata.audit.OpendataAuditImpl;
import ua.hromada.opendata.audit.AuditSettings;
import ua.hromada.opendata.service.OutboundForTests;
import ua.hromada.opendata.service.OpendataTestSetup;

/** opendata:audit runs the audit with progress lines and lists the runs. */
class AuditCommandTest {

    @Test
    void runsNowAndLists() {
        try (OpendataTestSetup registry = new OpendataTestSetup()) {
            registry.migrate("opendata_audit");
            var m = registry.manager("Відділ", OpendataTestSetup.edrpou(1234567));
            registry.dataset(m, "one", "Набір", true);
            OpendataAuditImpl audit = new OpendataAuditImpl(new AuditDatabase(registry.communityDataSource(), Clock.systemUTC()),
                    registry.registry(), AuditSettings.defaults().withLinks(false, Duration.ofSeconds(1), Duration.ofSeconds(1)),
                    registry.jobs(), registry.communities(), OutboundForTests.allowing());
            AuditCommand command = new AuditCommand();
            command.audit = audit;
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            command.out = new PrintStream(text, true, StandardCharsets.UTF_8);
            command.execute();
            AuditRun run = audit.latestRun().orElseThrow();
            String printed = text.toString(StandardCharsets.UTF_8);
            assertTrue(printed.contains("1 / 1 datasets"), printed);
            assertTrue(printed.contains("Run " + run.id() + " FINISHED: 1 datasets"), printed);

            command.list = true;
            text.reset();
            command.execute();
            assertEquals(1, audit.runs(10).size(), "listing runs nothing");
            assertTrue(text.toString(StandardCharsets.UTF_8).contains("FINISHED"));
        }
    }

    @Test
    void auditsTheCommunityItIsGiven() {
        try (OpendataTestSetup registry = new OpendataTestSetup()) {
            registry.migrate("opendata_audit");
            registry.communities().add("a");
            registry.communities().runAs("a", () -> {
                var m = registry.manager("Відділ", OpendataTestSetup.edrpou(1234567));
                registry.dataset(m, "one", "Набір", true);
                registry.dataset(m, "two", "Набір 2", true);
            });
            OpendataAuditImpl audit = new OpendataAuditImpl(new AuditDatabase(registry.communityDataSource(), Clock.systemUTC()),
                    registry.registry(), AuditSettings.defaults().withLinks(false, Duration.ofSeconds(1), Duration.ofSeconds(1)),
                    registry.jobs(), registry.communities(), OutboundForTests.allowing());
            AuditCommand command = new AuditCommand();
            command.audit = audit;
            command.communities = registry.communities();
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            command.out = new PrintStream(text, true, StandardCharsets.UTF_8);
            command.community = "a";
            command.execute();
            assertTrue(text.toString(StandardCharsets.UTF_8).contains("2 / 2 datasets"), text.toString(StandardCharsets.UTF_8));
            assertEquals(1, registry.communities().callAs("a", () -> audit.runs(10).size()));
            assertTrue(audit.runs(10).isEmpty(), "the default community's registry was not audited");

            text.reset();
            command.community = "nowhere";
            command.execute();
            assertTrue(text.toString(StandardCharsets.UTF_8).contains("no community \"nowhere\""),
                    text.toString(StandardCharsets.UTF_8));
        }
    }
}
