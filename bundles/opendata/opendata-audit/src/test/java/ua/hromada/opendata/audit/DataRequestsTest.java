package ua.hromada.opendata.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import ua.hromada.opendata.api.AuditRun;
import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.Finding;
import ua.hromada.opendata.api.OfficialRequest;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.portal.api.audit.AuditLog;

/** Official requests: registered with their findings, answered, refused with a reason, logged. */
class DataRequestsTest {
    private AuditFixture f;
    private DataManager manager;
    private DataManager other;
    private Finding finding;
    private Finding othersFinding;
    private LocalDate today;

    @BeforeEach
    void setUp() {
        f = new AuditFixture();
        manager = f.manager("Управління ЖКГ");
        other = f.manager("Управління освіти");
        Dataset d = f.save(AuditFixture.passport(manager, "housing"));
        f.upload(d, "CSV", "housing.csv", "1,Полтава\n".getBytes(StandardCharsets.UTF_8));
        Dataset o = f.save(AuditFixture.passport(other, "schools"));
        AuditRun run = f.runAudit();
        finding = f.findings(run, d).get(0);
        othersFinding = f.findings(run, o).get(0);
        today = LocalDate.ofInstant(f.clock.instant(), ZoneId.of("Europe/Kyiv"));
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private OfficialRequest request(String number) {
        return new OfficialRequest(0, manager.id(), null, number, today.minusDays(3), today.plusDays(10),
                "Про усунення порушень оприлюднення наборів даних", "Просимо усунути порушення…", null, null,
                List.of(finding.id()));
    }

    @Test
    void registeredAnsweredAndLogged() {
        OfficialRequest saved = f.requests.save(f.registrySetup.auditor, request(" 01-12/345 "));
        assertTrue(saved.id() > 0);
        assertEquals("01-12/345", saved.number());
        assertEquals("Управління ЖКГ", saved.managerName());
        assertEquals(List.of(finding.id()), saved.findingIds());
        assertEquals(List.of(saved), f.requests.requests(f.registrySetup.viewer, manager.id()));
        assertEquals(List.of(), f.requests.requests(f.registrySetup.viewer, other.id()));
        // the requests page is open to stewards too (opendata.edit): they read what is asked of them
        assertEquals(List.of(saved), f.requests.requests(f.registrySetup.steward, manager.id()));
        assertTrue(saved.overdue(today.plusDays(11)));

        OfficialRequest answered = f.requests.save(f.registrySetup.auditor, new OfficialRequest(saved.id(), manager.id(), null,
                saved.number(), saved.sentOn(), saved.dueOn(), saved.subject(), saved.text(), today, "Порушення усунено",
                saved.findingIds()));
        assertEquals("Порушення усунено", answered.answer());
        assertEquals(answered, f.requests.request(saved.id()).orElseThrow());

        List<AuditLog.AuditEntry> log = f.registrySetup.audit().stream()
                .filter(e -> e.entityType().equals("official-request")).toList();
        assertEquals(List.of("create", "update"), log.stream().map(AuditLog.AuditEntry::action).toList());
        assertEquals("auditor", log.get(1).actor());
        assertTrue(log.get(1).changes().contains("answeredOn: null → " + today), log.get(1).changes());
    }

    private void refused(OpendataException.Reason reason, String key, Executable call) {
        OpendataException e = assertThrows(OpendataException.class, call);
        assertEquals(reason, e.reason());
        assertEquals(key, e.messageKey());
    }

    @Test
    void badInputIsRefusedWithItsReason() {
        var auditor = f.registrySetup.auditor;
        OfficialRequest r = request("01-12/1");
        refused(OpendataException.Reason.FORBIDDEN, "opendata.audit.error.forbidden",
                () -> f.requests.save(f.registrySetup.viewer, r));
        refused(OpendataException.Reason.FORBIDDEN, "opendata.audit.error.forbidden",
                () -> f.requests.requests(f.registrySetup.stranger, null));
        refused(OpendataException.Reason.INVALID, "opendata.audit.error.request.number", () -> f.requests.save(auditor,
                new OfficialRequest(0, manager.id(), null, " ", r.sentOn(), null, "Тема", "Текст", null, null, List.of())));
        refused(OpendataException.Reason.INVALID, "opendata.audit.error.request.sentFuture", () -> f.requests.save(auditor,
                new OfficialRequest(0, manager.id(), null, "1", today.plusDays(1), null, "Тема", "Текст", null, null, List.of())));
        refused(OpendataException.Reason.INVALID, "opendata.audit.error.request.dueBeforeSent", () -> f.requests.save(auditor,
                new OfficialRequest(0, manager.id(), null, "1", today, today.minusDays(1), "Тема", "Текст", null, null, List.of())));
        refused(OpendataException.Reason.INVALID, "opendata.audit.error.request.subject", () -> f.requests.save(auditor,
                new OfficialRequest(0, manager.id(), null, "1", today, null, "", "Текст", null, null, List.of())));
        refused(OpendataException.Reason.INVALID, "opendata.audit.error.request.text", () -> f.requests.save(auditor,
                new OfficialRequest(0, manager.id(), null, "1", today, null, "Тема", "x".repeat(20_001), null, null, List.of())));
        refused(OpendataException.Reason.INVALID, "opendata.audit.error.request.answer", () -> f.requests.save(auditor,
                new OfficialRequest(0, manager.id(), null, "1", today, null, "Тема", "Текст", today, " ", List.of())));
        refused(OpendataException.Reason.INVALID, "opendata.audit.error.request.manager", () -> f.requests.save(auditor,
                new OfficialRequest(0, 999_999, null, "1", today, null, "Тема", "Текст", null, null, List.of())));
        refused(OpendataException.Reason.INVALID, "opendata.audit.error.request.finding", () -> f.requests.save(auditor,
                new OfficialRequest(0, manager.id(), null, "1", today, null, "Тема", "Текст", null, null,
                        List.of(othersFinding.id()))));
        f.requests.save(auditor, r);
        refused(OpendataException.Reason.CONFLICT, "opendata.audit.error.request.numberTaken", () -> f.requests.save(auditor, r));
        refused(OpendataException.Reason.NOT_FOUND, "opendata.audit.error.request.notFound", () -> f.requests.save(auditor,
                new OfficialRequest(424242, manager.id(), null, "9", today, null, "Тема", "Текст", null, null, List.of())));
        assertEquals(1, f.requests.requests(auditor, null).size(), "nothing refused was saved");
    }

    /** Issue 20, items 29 and 33: a stale answer is refused, a mistaken request can be deleted, a manager with requests cannot. */
    @Test
    void staleSaveIsRefusedDeleteIsLoggedAndRequestsKeepTheirManager() {
        var auditor = f.registrySetup.auditor;
        OfficialRequest saved = f.requests.save(auditor, request("01-12/7"));
        OfficialRequest first = f.requests.save(auditor, new OfficialRequest(saved.id(), manager.id(), null, saved.number(),
                saved.sentOn(), saved.dueOn(), saved.subject(), saved.text(), today, "Усунено", saved.findingIds(),
                saved.version()));
        assertThrows(ua.hromada.portal.api.jdbc.EditConflictException.class, () -> f.requests.save(auditor,
                new OfficialRequest(saved.id(), manager.id(), null, saved.number(), saved.sentOn(), saved.dueOn(),
                        "Інша тема", saved.text(), null, null, saved.findingIds(), saved.version())));
        assertEquals(first, f.requests.request(saved.id()).orElseThrow(), "the stale save changed nothing");

        assertEquals("opendata.audit.error.deleteManagerRequests",
                f.requests.blocksManagerDeletion(manager.id()).orElseThrow().messageKey());
        assertTrue(f.requests.blocksManagerDeletion(other.id()).isEmpty());
        // its dataset deleted, the manager still has the request: the registry asks the audit before deleting
        var actions = f.registrySetup.actions(f.requests);
        actions.deleteDataset(f.registrySetup.steward, f.registry().datasetByIdentifier("housing").orElseThrow().id());
        refused(OpendataException.Reason.CONFLICT, "opendata.audit.error.deleteManagerRequests",
                () -> actions.deleteManager(f.registrySetup.steward, manager.id()));

        refused(OpendataException.Reason.FORBIDDEN, "opendata.audit.error.forbidden",
                () -> f.requests.delete(f.registrySetup.steward, saved.id()));
        f.requests.delete(auditor, saved.id());
        assertTrue(f.requests.request(saved.id()).isEmpty());
        assertTrue(f.requests.blocksManagerDeletion(manager.id()).isEmpty());
        assertTrue(f.registrySetup.audit().stream().anyMatch(e -> e.entityType().equals("official-request")
                && e.action().equals("delete") && e.changes().contains("01-12/7")));
        refused(OpendataException.Reason.NOT_FOUND, "opendata.audit.error.request.notFound",
                () -> f.requests.delete(auditor, saved.id()));
    }
}
