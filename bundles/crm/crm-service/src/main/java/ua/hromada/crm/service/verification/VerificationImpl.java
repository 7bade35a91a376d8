package ua.hromada.crm.service.verification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.CrmPermissions;
import ua.hromada.crm.api.Finding;
import ua.hromada.crm.api.FindingSeverity;
import ua.hromada.crm.api.ScanReader;
import ua.hromada.crm.api.ScanText;
import ua.hromada.crm.api.Verification;
import ua.hromada.crm.service.CrmDatabase;
import ua.hromada.crm.service.verification.CaseFacts.ScanRef;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.jdbc.Statements;
import ua.hromada.portal.api.jobs.Jobs;

/**
 * The verification of a case: the rules over the card and the applicant ({@link CaseRules}) and the
 * reading of its identity and taxpayer-card scans ({@link ScanReader}, readings cached per scan) with
 * the cross-check ({@link ScanCrossCheck}). A run stores its findings ({@link FindingStore}) and
 * journals the newly fired ones; an override needs a reason, is journalled and audited. The OCR
 * engine is optional: without it a scan's finding says the module is missing.
 */
@Component(service = Verification.class)
public class VerificationImpl implements Verification {
    static final int MIN_REASON = 10;
    static final int MAX_REASON = 1000;
    private static final String MODULE = "crm";
    static final String OCR_POOL = "crm.ocr";
    /** Scans read at once: the server's two cores. */
    static final int OCR_PARALLEL = 2;

    private final CrmDatabase database;
    private final AuditLog audit;
    private final PortalSettings settings;
    private final ScanReader reader;
    private final Jobs jobs;
    private final CheckMessages texts = new CheckMessages();

    @Activate
    public VerificationImpl(@Reference CrmDatabase database, @Reference AuditLog audit,
            @Reference PortalSettings settings, @Reference Jobs jobs,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            ScanReader reader) {
        this.database = database;
        this.audit = audit;
        this.settings = settings;
        this.jobs = jobs;
        this.reader = reader;
    }

    private static void allowed(PortalUser user) {
        if (user == null || !user.hasPermission(PortalUser.anyOf(CrmPermissions.ADMINISTRATOR, CrmPermissions.HEAD))) {
            throw new CrmException(Reason.FORBIDDEN, "crm.check.forbidden");
        }
    }

    @Override
    public List<Finding> verify(PortalUser user, long caseId) {
        allowed(user);
        CaseFacts facts = database.read(c -> FactsStore.load(c, caseId))
                .orElseThrow(() -> new CrmException(Reason.NOT_FOUND, "crm.error.notFound"));
        Clock clock = settings.clock();
        LocalDate today = settings.today();
        List<Fired> fired = new ArrayList<>(new CaseRules(texts, clock.getZone()).check(facts, today));
        ScanCrossCheck crossCheck = new ScanCrossCheck(texts);
        List<ScanRef> compared = facts.scans().stream().filter(s -> ScanCrossCheck.compared(s.kind())).toList();
        Map<Long, ScanText> readings = readings(compared);
        for (ScanRef scan : compared) {
            ScanText text = readings.get(scan.id());
            if (!text.readable()) {
                fired.add(unreadable(scan, text.problem()));
            } else if (text.words().isEmpty()) {
                fired.add(unreadable(scan, texts.ukrainian("crm.check.nothingRead")));
            } else {
                fired.addAll(crossCheck.check(scan, text, facts.applicant()));
            }
        }
        Instant now = clock.instant();
        return database.tx(c -> {
            List<Fired> opened = FindingStore.apply(c, caseId, fired, now);
            for (Fired f : opened) {
                journal(c, caseId, now, user, "check-fired", texts.ukrainian("crm.check.journal.fired",
                        texts.ukrainian("crm.check.rule." + f.rule()), f.message()));
            }
            long errors = fired.stream().filter(f -> f.severity() == FindingSeverity.ERROR).count();
            journal(c, caseId, now, user, "verified", texts.ukrainian("crm.check.journal.verified",
                    String.valueOf(errors), String.valueOf(fired.size() - errors)));
            return FindingStore.open(c, caseId);
        });
    }

    private Fired unreadable(ScanRef scan, String problem) {
        return new Fired(Rules.SCAN_UNREADABLE, texts.ukrainian("crm.check.subject.scan", "#" + scan.id()),
                FindingSeverity.WARNING, texts.ukrainian("crm.check.scanUnreadable", scan.fileName(), problem), "",
                scan.id(), null);
    }

    /**
     * Each scan's cached reading, or the OCR's now — outside any transaction (it takes seconds), two
     * scans at a time on pool {@code crm.ocr} (only the reading: the database work stays on this
     * thread, in the request's community) — kept when read.
     */
    private Map<Long, ScanText> readings(List<ScanRef> scans) {
        Map<Long, ScanText> readings = new HashMap<>();
        List<ScanRef> unread = new ArrayList<>();
        database.read(c -> {
            for (ScanRef scan : scans) {
                ReadingStore.get(c, scan.id()).ifPresentOrElse(t -> readings.put(scan.id(), t), () -> unread.add(scan));
            }
            return null;
        });
        if (reader == null) {
            unread.forEach(s -> readings.put(s.id(), ScanText.unreadable(texts.ukrainian("crm.check.noReader"))));
            return readings;
        }
        Executor executor = jobs.executor(OCR_POOL, OCR_PARALLEL);
        for (int from = 0; from < unread.size(); from += OCR_PARALLEL) {
            List<ScanRef> batch = unread.subList(from, Math.min(unread.size(), from + OCR_PARALLEL));
            Map<Long, CompletableFuture<ScanText>> running = new LinkedHashMap<>();
            for (ScanRef scan : batch) {
                byte[] content = database.read(c -> Statements.first(c, "SELECT content FROM crm.case_scan WHERE id = ?",
                        rs -> rs.getBytes(1), scan.id())).orElse(new byte[0]);
                running.put(scan.id(), CompletableFuture.supplyAsync(() -> reader.read(content, scan.contentType()), executor));
            }
            running.forEach((id, future) -> readings.put(id, future.join()));
        }
        Instant at = settings.clock().instant();
        database.tx(c -> {
            for (ScanRef scan : unread) {
                ScanText text = readings.get(scan.id());
                if (text.readable() && !text.words().isEmpty()) {
                    ReadingStore.put(c, scan.id(), reader.engine(), text, at);
                }
            }
            return null;
        });
        return readings;
    }

    @Override
    public List<Finding> findings(PortalUser user, long caseId) {
        allowed(user);
        return database.read(c -> {
            exists(c, caseId);
            return FindingStore.open(c, caseId);
        });
    }

    @Override
    public void override(PortalUser user, long caseId, String rule, String subject, String reason) {
        allowed(user);
        String why = reason == null ? "" : reason.strip();
        if (why.length() < MIN_REASON) {
            throw new CrmException(Map.of("reason", "crm.check.reasonShort"));
        }
        if (why.length() > MAX_REASON) {
            throw new CrmException(Map.of("reason", "crm.check.reasonLong"));
        }
        Instant now = settings.clock().instant();
        database.tx(c -> {
            exists(c, caseId);
            if (!FindingStore.override(c, caseId, rule, subject == null ? "" : subject, why, user.username(), now)) {
                throw new CrmException(Reason.NOT_FOUND, "crm.check.notFiring");
            }
            journal(c, caseId, now, user, "override", texts.ukrainian("crm.check.journal.override",
                    texts.ukrainian("crm.check.rule." + rule), subject, why));
            audit.record(c, user.username(), MODULE, "case", Long.toString(caseId), "override",
                    "rule=" + rule + "; subject=" + subject + "; reason=" + why);
            return null;
        });
    }

    @Override
    public List<Finding> unresolved(PortalUser user, long caseId) {
        return verify(user, caseId).stream()
                .filter(f -> f.severity() == FindingSeverity.ERROR && !f.overridden()).toList();
    }

    private static void exists(java.sql.Connection c, long caseId) throws java.sql.SQLException {
        if (Statements.first(c, "SELECT 1 FROM crm.service_case WHERE id = ?", rs -> 1, caseId).isEmpty()) {
            throw new CrmException(Reason.NOT_FOUND, "crm.error.notFound");
        }
    }

    /** A journal line of the case (crm.case_step, as the cases' own steps). */
    private static void journal(java.sql.Connection c, long caseId, Instant at, PortalUser user, String action,
            String detail) throws java.sql.SQLException {
        try (var ps = c.prepareStatement("INSERT INTO crm.case_step (case_id, at, username, action, detail)"
                + " VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, caseId);
            ps.setTimestamp(2, java.sql.Timestamp.from(at));
            ps.setString(3, user.username());
            ps.setString(4, action);
            ps.setString(5, detail);
            ps.executeUpdate();
        }
    }
}
