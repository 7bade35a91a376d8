package ua.hromada.oks.service;

import static org.junit.jupiter.api.Assertions.*;
import static ua.hromada.oks.api.ActionKind.*;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ua.hromada.oks.api.ActionEffect;
import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.JournalEntry;
import ua.hromada.oks.api.OksAnalytics.AgeRow;
import ua.hromada.oks.api.OksArchive;
import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.TransitionRequest;
import ua.hromada.oks.api.Violations;
import ua.hromada.portal.api.PortalException;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.audit.AuditLog.AuditEntry;
import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.api.jobs.JobInfo;
import ua.hromada.portal.jobs.JobPools;
import ua.hromada.portal.testing.RecordingAuditLog;

/**
 * Confirmed cases leave the current tables: automatically some days after their confirmation (the
 * test's clock moves), as the system user, and in bulk by an OKS administrator only.
 */
class ArchivingTest {
    private OksTestSetup oks;
    private Violations service;
    private RecordingAuditLog audit;
    private Archiving archiving;

    @BeforeEach
    void setUp() {
        oks = new OksTestSetup();
        service = oks.violations();
        audit = new RecordingAuditLog();
        archiving = new Archiving(service, audit, oks.communities(), 30, null);
    }

    @AfterEach
    void close() {
        oks.close();
    }

    private long confirmed(String what) {
        long id = reported(what);
        step(oks.inspector, id, CONFIRMED);
        return id;
    }

    private long reported(String what) {
        long id = oks.register(what).id();
        service.transition(oks.inspector, id, new TransitionRequest(SENT, null, oks.org.id(), oks.today().plusDays(5),
                List.of()));
        step(oks.executor, id, ACCEPTED);
        step(oks.executor, id, REPORTED);
        return id;
    }

    private void step(PortalUser who, long id, ActionKind kind) {
        service.transition(who, id, OksTestSetup.plainStep(kind));
    }

    private void days(int n) {
        oks.clock().advance(Duration.ofDays(n));
    }

    private ActionKind last(long id) {
        return service.find(oks.admin, id).orElseThrow().lastAction().kind();
    }

    private AgeRow<StatusGroup> done() {
        return oks.analytics().byStatusGroup(oks.viewer).stream().filter(r -> r.key() == StatusGroup.DONE).findFirst()
                .orElseThrow();
    }

    @Test
    void confirmedCasesAreArchivedBySystemAfterTheDays() {
        long old = confirmed("підтверджено давно");
        long waiting = reported("звітовано, чекає підтвердження");
        days(29);
        assertEquals(List.of(), archiving.archiveDue().archived(), "29 days after the confirmation: not yet");
        assertEquals(2, done().count());
        assertEquals(2, done().over7(), "both in «Виконано» for more than 7 days");
        days(2);
        long fresh = confirmed("підтверджено вчора");

        OksArchive.Result r = archiving.archiveDue();

        assertEquals(List.of(old), r.archived());
        assertEquals(ARCHIVED, last(old));
        assertEquals(REPORTED, last(waiting), "work waiting for the inspector stays: it is not confirmed");
        assertEquals(CONFIRMED, last(fresh));
        JournalEntry step = service.journal(oks.admin, old).get(service.journal(oks.admin, old).size() - 1);
        assertEquals(Archiving.SYSTEM_USERNAME, step.author());
        assertEquals("Система (автоматичне архівування)", step.authorName());
        AuditEntry entry = audit.entries().get(audit.entries().size() - 1);
        assertEquals("system", entry.actor());
        assertEquals("auto-archive", entry.action());
        assertTrue(entry.changes().startsWith("system (automatic archive), 1 archived: " + old), entry.changes());
        // «Виконано» no longer grows with the old confirmed case: it left the current tables
        assertEquals(2, done().count());
        assertEquals(1, done().over30(), "only the report waiting for confirmation is over 30 days");
        assertEquals(1, service.count(oks.viewer, DrillDownOfArchive.ARCHIVE));
        assertEquals(List.of(), archiving.archiveDue().archived(), "a second round finds nothing");
    }

    @Test
    void zeroDaysTurnsTheAutomaticArchiveOffAndACommunityMayHaveItsOwnDays() {
        long id = confirmed("підтверджено");
        days(400);
        Archiving off = new Archiving(service, audit, oks.communities(), 0, null);
        assertEquals(0, off.autoArchiveDays());
        assertEquals(List.of(), off.archiveDue().archived());
        assertEquals(CONFIRMED, last(id));

        oks.communities().add(new Community("b", List.of("b.example.org"), Set.of(),
                Map.of("ua.hromada.oks/archive.after.days", "7")));
        assertEquals(7, oks.communities().callAs("b", off::autoArchiveDays));
        assertEquals(30, archiving.autoArchiveDays(), "the default community keeps the shared days");
    }

    @Test
    void theRoundIsScheduledOnTheOksArchivePoolAndStopsWithTheComponent() {
        JobPools pools = new JobPools(Map.of());
        try {
            Archiving scheduled = new Archiving(service, audit, oks.communities(), 30,
                    pools.forModule("oks-service"));
            List<JobInfo> jobs = pools.forModule("oks-service").active();
            assertTrue(jobs.stream().anyMatch(j -> j.pool().equals(Archiving.POOL)), jobs.toString());
            scheduled.deactivate();
            assertTrue(pools.forModule("oks-service").active().stream().noneMatch(j -> j.pool().equals(Archiving.POOL)));
        } finally {
            pools.close();
        }
    }

    @Test
    void bulkArchiveOfConfirmedOlderThanDaysIsTheAdministratorsOnly() {
        long old = confirmed("давно");
        days(10);
        long recent = confirmed("нещодавно");
        days(1);
        for (PortalUser notAdmin : List.of(oks.inspector, oks.viewer, oks.executor, oks.stranger)) {
            OksException e = assertThrows(OksException.class, () -> archiving.archiveConfirmed(notAdmin, 7));
            assertEquals(PortalException.Reason.FORBIDDEN, e.reason());
        }
        assertEquals(CONFIRMED, last(old));
        assertEquals(PortalException.Reason.INVALID,
                assertThrows(OksException.class, () -> archiving.archiveConfirmed(oks.admin, -1)).reason());
        assertEquals(PortalException.Reason.INVALID,
                assertThrows(OksException.class, () -> archiving.archiveConfirmed(oks.admin, 3651)).reason());
        assertEquals(1, service.count(oks.admin, archiving.confirmedOlderThan(7)), "the list shows what it archives");

        OksArchive.Result r = archiving.archiveConfirmed(oks.admin, 7);

        assertEquals(List.of(old), r.archived());
        assertEquals(CONFIRMED, last(recent));
        JournalEntry step = service.journal(oks.admin, old).get(service.journal(oks.admin, old).size() - 1);
        assertEquals(oks.admin.username(), step.author());
        AuditEntry entry = audit.entries().get(audit.entries().size() - 1);
        assertEquals(oks.admin.username(), entry.actor());
        assertEquals("bulk-archive", entry.action());
        assertEquals(List.of(recent), archiving.archiveConfirmed(oks.admin, 0).archived(), "0: every confirmed case");
    }

    @Test
    void bulkArchiveOfChosenCasesArchivesOnlyConfirmedOnes() {
        long a = confirmed("перший");
        long b = confirmed("другий");
        long working = reported("ще не підтверджено");
        assertThrows(OksException.class, () -> archiving.archive(oks.inspector, List.of(a)));
        assertEquals(PortalException.Reason.INVALID,
                assertThrows(OksException.class, () -> archiving.archive(oks.admin, List.of())).reason());

        OksArchive.Result r = archiving.archive(oks.admin, List.of(a, working, b, 999_999L));

        assertEquals(List.of(a, b), r.archived());
        assertEquals(List.of(working, 999_999L), r.skipped());
        assertEquals(REPORTED, last(working));
        assertEquals(ARCHIVED, last(b));
        assertEquals(List.of(), archiving.archive(oks.admin, List.of(a)).archived(), "archived already: skipped");
    }

    @Test
    void theConfirmedCasesAreFoundByTheEffectWhateverTheCode() {
        assertEquals(ActionEffect.CONFIRM, archiving.confirmedOlderThan(3).effect());
        assertNull(archiving.confirmedOlderThan(3).actionCode());
        assertEquals(3, archiving.confirmedOlderThan(3).olderThanDays());
        assertNull(archiving.confirmedOlderThan(0).olderThanDays());
    }

    /** The archive as the analytics' «Архів» tab lists it. */
    private static final class DrillDownOfArchive {
        static final ua.hromada.oks.api.ViolationQuery ARCHIVE = ua.hromada.oks.api.ViolationQuery.current()
                .withGroups(Set.of(StatusGroup.ARCHIVED));
    }
}
