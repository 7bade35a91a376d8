package ua.hromada.crm.service.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import ua.hromada.crm.api.Applicant;
import ua.hromada.crm.api.ApplicantKind;
import ua.hromada.crm.api.Applicants;
import ua.hromada.crm.api.CaseDraft;
import ua.hromada.crm.api.CaseQuery;
import ua.hromada.crm.api.CaseSource;
import ua.hromada.crm.api.CaseStep;
import ua.hromada.crm.api.Cases;
import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.FeeKind;
import ua.hromada.crm.api.RequiredDocument;
import ua.hromada.crm.api.Scan;
import ua.hromada.crm.api.ServiceCard;
import ua.hromada.crm.api.ServiceCards;
import ua.hromada.crm.api.ServiceCase;
import ua.hromada.crm.api.Verification;
import ua.hromada.crm.service.CrmDatabase;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.calendar.DisplayFormats;
import ua.hromada.portal.api.jdbc.SqlCondition;
import ua.hromada.portal.api.jdbc.Versioned;

/**
 * The community's cases: opened under the card's current version with the checklist that applies to
 * the applicant, numbered {@code <yyyy>-<seq>}, the deadline in working days; documents, scans,
 * journal; the steps from hand-over to issue are {@link CaseFlow}'s. Verification, when installed,
 * is asked before a hand-over (optional dynamic reference: cases work without it).
 */
@Component(service = {Cases.class, CasesImpl.class})
public class CasesImpl implements Cases {
    static final String MODULE = "crm";
    static final String ENTITY = "crm.case";
    static final int MAX_REQUEST = 5000;
    static final int MAX_LIMIT = 500;

    private final CrmDatabase database;
    private final AuditLog audit;
    private final CaseSettings settings;
    private final ServiceCards cards;
    private final Applicants applicants;
    private final CaseMessages messages = new CaseMessages();
    private final CaseFlow flow;
    private volatile Verification verification;

    @Activate
    public CasesImpl(@Reference CrmDatabase database, @Reference AuditLog audit, @Reference CaseSettings settings,
            @Reference ServiceCards cards, @Reference Applicants applicants) {
        this.database = database;
        this.audit = audit;
        this.settings = settings;
        this.cards = cards;
        this.applicants = applicants;
        this.flow = new CaseFlow(this);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindVerification(Verification service) {
        this.verification = service;
    }

    public void unbindVerification(Verification service) {
        if (this.verification == service) {
            this.verification = null;
        }
    }

    Optional<Verification> verification() {
        return Optional.ofNullable(verification);
    }

    CrmDatabase database() {
        return database;
    }

    CaseSettings settings() {
        return settings;
    }

    CaseMessages messages() {
        return messages;
    }

    Instant now() {
        return settings.portal().clock().instant();
    }

    LocalDate today() {
        return LocalDate.ofInstant(now(), settings.portal().timeZone());
    }

    @Override
    public ServiceCase open(PortalUser user, CaseDraft draft) {
        CaseAccess.requireAdministrator(user);
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        Optional<Applicant> applicant = draft.applicantId() > 0 ? applicants.get(user, draft.applicantId()) : Optional.empty();
        if (applicant.isEmpty()) {
            errors.put("applicant", "crm.case.error.applicant");
        }
        Optional<ServiceCard> card = draft.cardId() > 0 ? cards.get(user, draft.cardId()) : Optional.empty();
        if (card.isEmpty()) {
            errors.put("card", "crm.case.error.card");
        } else if (!card.get().active()) {
            errors.put("card", "crm.case.error.cardInactive");
        }
        String request = draft.request() == null ? "" : draft.request().strip();
        if (request.length() > MAX_REQUEST) {
            errors.put("request", "crm.case.error.request");
        }
        if (!errors.isEmpty()) {
            throw new CrmException(errors);
        }
        ServiceCard c = card.get();
        Applicant a = applicant.get();
        List<RequiredDocument> checklist = checklist(c, a.kind(), draft.byProxy());
        Instant at = now();
        LocalDate deadline = settings.workingDays().deadline(today(), c.termDays());
        CaseSource source = draft.source() == null ? CaseSource.FRONT_DESK : draft.source();
        String appeal = draft.appealNumber() == null ? "" : draft.appealNumber().strip();
        boolean feePaid = c.feeKind() == FeeKind.FREE || draft.feePaid();
        long id = database.tx(conn -> {
            String number = CaseStore.nextNumber(conn, today().getYear());
            long caseId = CaseStore.insert(conn, new CaseStore.NewCase(number, a.id(), c.id(), c.cardVersion(), c.name(),
                    new CaseStore.Provider(c.providerKind(), c.provider(), c.providerRole() == null ? "" : c.providerRole()),
                    c.refusalGrounds() == null ? "" : c.refusalGrounds(), source, appeal, request, draft.byProxy(),
                    feePaid, user.username(), displayName(user), at, deadline));
            CaseStore.insertDocuments(conn, caseId, checklist);
            String detail = messages.ukrainian(appeal.isEmpty() ? "crm.case.step.registered"
                    : "crm.case.step.registered.appeal", c.name(), c.cardVersion(), a.displayName(),
                    DisplayFormats.DATE.format(deadline), appeal);
            CaseStore.step(conn, caseId, at, user.username(), "registered", detail);
            audit.record(conn, user.username(), MODULE, ENTITY, number, "open", detail);
            return caseId;
        });
        return load(id);
    }

    /** The card's documents that apply: always, by the applicant's kind, and the proxy's when by proxy. */
    static List<RequiredDocument> checklist(ServiceCard card, ApplicantKind kind, boolean byProxy) {
        List<RequiredDocument> out = new ArrayList<>();
        for (RequiredDocument d : card.documents()) {
            boolean applies = switch (d.condition()) {
                case ALWAYS -> true;
                case PERSON -> kind == ApplicantKind.PERSON;
                case LEGAL_ENTITY -> kind == ApplicantKind.ORGANISATION;
                case BY_PROXY -> byProxy;
            };
            if (applies) {
                out.add(d);
            }
        }
        return out;
    }

    /** The case whole, whoever asks (after the caller checked the right). */
    ServiceCase load(long id) {
        return database.read(c -> CaseStore.get(c, id)).map(CaseStore.Row::value)
                .orElseThrow(() -> new CrmException(Reason.NOT_FOUND, "crm.error.notFound"));
    }

    /** The case with what the rules need, if the user may see it; else not found (nothing is told of it). */
    CaseStore.Row visible(PortalUser user, long id) {
        CaseAccess.requireAny(user);
        return database.read(c -> CaseStore.get(c, id)).filter(r -> CaseAccess.sees(user, r.value()))
                .orElseThrow(() -> new CrmException(Reason.NOT_FOUND, "crm.error.notFound"));
    }

    @Override
    public Optional<ServiceCase> get(PortalUser user, long id) {
        CaseAccess.requireAny(user);
        return database.read(c -> CaseStore.get(c, id)).map(CaseStore.Row::value).filter(v -> CaseAccess.sees(user, v));
    }

    @Override
    public List<ServiceCase> openCasesOf(PortalUser user, long applicantId) {
        CaseAccess.requireAny(user);
        return database.read(c -> ua.hromada.portal.api.jdbc.Statements.list(c, CaseStore.SELECT
                + " WHERE s.applicant_id = ? AND s.status NOT IN ('ISSUED', 'CANCELLED') ORDER BY s.registered_at DESC",
                CaseStore::row, applicantId)).stream().map(CaseStore.Row::value).filter(v -> CaseAccess.sees(user, v))
                .toList();
    }

    @Override
    public List<ServiceCase> find(PortalUser user, CaseQuery query, int offset, int limit) {
        CaseQuery q = query == null ? CaseQuery.all() : query;
        CaseAccess.requireAny(user);
        return database.read(c -> {
            SqlCondition w = CaseAccess.where(user, q, today(), pageMatch(c, CaseAccess.text(q)));
            return ua.hromada.portal.api.jdbc.Statements.list(c, CaseStore.SELECT + w.where()
                    + " ORDER BY s.registered_at DESC, s.id DESC LIMIT ? OFFSET ?", CaseStore::row,
                    w.paramsThen(Math.min(Math.max(0, limit), MAX_LIMIT), Math.max(0, offset)));
        }).stream().map(CaseStore.Row::value).toList();
    }

    /** Up to this many cases holding the text, a page looks them up by id; beyond, it tests the newest rows. */
    static final int FEW_MATCHES = 1000;

    /**
     * How a page matches its text: a text few cases hold is looked up by id (a rare name, a number: a scan
     * of the newest cases would read them all), a common one row by row from the newest (it stops at the
     * page's last match instead of sorting thousands). The probe stops at FEW_MATCHES + 1 ids.
     */
    private static CaseAccess.TextMatch pageMatch(java.sql.Connection c, String text) throws java.sql.SQLException {
        if (!CaseAccess.indexed(text)) {
            return CaseAccess.TextMatch.ROWS;
        }
        int matches = ua.hromada.portal.api.jdbc.Statements.first(c, "SELECT count(*) FROM (SELECT 1 FROM ("
                + CaseAccess.CASES_MATCHING + ") m LIMIT ?) probe", rs -> rs.getInt(1), text, FEW_MATCHES + 1)
                .orElse(0);
        return matches <= FEW_MATCHES ? CaseAccess.TextMatch.IDS : CaseAccess.TextMatch.ROWS;
    }

    /** A column of the applicant (alias a) in a WHERE clause of {@link CaseAccess#where}. */
    private static final java.util.regex.Pattern APPLICANT_ALIAS = java.util.regex.Pattern.compile("\\ba\\.");

    @Override
    public int count(PortalUser user, CaseQuery query) {
        CaseQuery q = query == null ? CaseQuery.all() : query;
        java.util.Optional<SqlCondition> byText = CaseAccess.textOnlyCount(user, q);
        if (byText.isPresent()) {
            return database.read(c -> ua.hromada.portal.api.jdbc.Statements.first(c, "SELECT count(*)" + byText.get().sql(),
                    rs -> rs.getInt(1), byText.get().paramsThen()).orElse(0));
        }
        SqlCondition w = CaseAccess.where(user, q, today(), CaseAccess.TextMatch.IDS);
        // every case has its applicant (foreign key, same community): joined only when a filter reads it
        String from = APPLICANT_ALIAS.matcher(w.sql()).find() ? " JOIN crm.applicant a ON a.community = s.community"
                + " AND a.id = s.applicant_id" : "";
        return database.read(c -> ua.hromada.portal.api.jdbc.Statements.first(c, "SELECT count(*) FROM crm.service_case s"
                + from + w.where(), rs -> rs.getInt(1), w.paramsThen()).orElse(0));
    }

    @Override
    public int countUpTo(PortalUser user, CaseQuery query, int atMost) {
        if (atMost < 1) {
            throw new IllegalArgumentException("atMost " + atMost);
        }
        CaseQuery q = query == null ? CaseQuery.all() : query;
        // the same rows as count(), read no further than atMost + 1 of them
        java.util.Optional<SqlCondition> byText = CaseAccess.textOnlyCount(user, q);
        String rows;
        SqlCondition rowsFilter;
        if (byText.isPresent()) {
            rows = "SELECT 1" + byText.get().sql();
            rowsFilter = byText.get();
        } else {
            SqlCondition w = CaseAccess.where(user, q, today(), CaseAccess.TextMatch.IDS);
            String from = APPLICANT_ALIAS.matcher(w.sql()).find() ? " JOIN crm.applicant a ON a.community = s.community"
                    + " AND a.id = s.applicant_id" : "";
            rows = "SELECT 1 FROM crm.service_case s" + from + w.where();
            rowsFilter = w;
        }
        return database.read(c -> ua.hromada.portal.api.jdbc.Statements.first(c, "SELECT count(*) FROM (" + rows
                + " LIMIT ?) capped", rs -> rs.getInt(1), rowsFilter.paramsThen(atMost + 1)).orElse(0));
    }

    @Override
    public ServiceCase markReceived(PortalUser user, long caseId, long documentId, boolean received, long version) {
        CaseAccess.requireAdministrator(user);
        database.tx(c -> {
            ServiceCase v = lockOpen(c, caseId, version);
            var doc = v.documents().stream().filter(d -> d.id() == documentId).findFirst()
                    .orElseThrow(() -> new CrmException(Reason.NOT_FOUND, "crm.case.error.document"));
            CaseStore.markReceived(c, caseId, documentId, received);
            CaseStore.bump(c, caseId);
            journal(c, user, v, received ? "document-received" : "document-not-received",
                    messages.ukrainian(received ? "crm.case.step.received" : "crm.case.step.notReceived", doc.name()));
            return null;
        });
        return load(caseId);
    }

    @Override
    public ServiceCase markFeePaid(PortalUser user, long caseId, boolean paid, long version) {
        CaseAccess.requireAdministrator(user);
        database.tx(c -> {
            ServiceCase v = lockOpen(c, caseId, version);
            CaseStore.update(c, caseId, "fee_paid = ?", paid);
            journal(c, user, v, "fee", messages.ukrainian(paid ? "crm.case.step.feePaid" : "crm.case.step.feeNotPaid"));
            return null;
        });
        return load(caseId);
    }

    /** Locks the case at the version the form loaded; refuses a closed one. */
    ServiceCase lockOpen(java.sql.Connection c, long caseId, long version) throws java.sql.SQLException {
        if (!Versioned.lock(c, CaseStore.TABLE, caseId, version)) {
            throw new CrmException(Reason.NOT_FOUND, "crm.error.notFound");
        }
        ServiceCase v = CaseStore.get(c, caseId).orElseThrow().value();
        if (v.status().closed()) {
            throw new CrmException(Reason.CONFLICT, "crm.case.error.closed");
        }
        return v;
    }

    /** One journal line and its audit entry, in the caller's transaction. */
    void journal(java.sql.Connection c, PortalUser user, ServiceCase v, String action, String detail)
            throws java.sql.SQLException {
        CaseStore.step(c, v.id(), now(), user.username(), action, detail);
        audit.record(c, user.username(), MODULE, ENTITY, v.number(), action, detail);
    }

    @Override
    public Scan attachScan(PortalUser user, long caseId, long documentId, String fileName, byte[] content) {
        CaseAccess.requireAdministrator(user);
        String name = fileName == null || fileName.isBlank() ? "scan" : cut(fileName.strip(), 255);
        if (content == null || content.length == 0) {
            throw new CrmException(Reason.INVALID, "crm.case.error.scanEmpty", name);
        }
        if (content.length > settings.maxScanBytes()) {
            throw new CrmException(Reason.INVALID, "crm.case.error.scanSize", name, settings.maxScanBytes() / (1024 * 1024));
        }
        ScanTypes type = ScanTypes.of(content)
                .orElseThrow(() -> new CrmException(Reason.INVALID, "crm.case.error.scanType", name));
        long scanId = database.tx(c -> {
            ServiceCase v = CaseStore.get(c, caseId).orElseThrow(() -> new CrmException(Reason.NOT_FOUND,
                    "crm.error.notFound")).value();
            if (v.status().closed()) {
                throw new CrmException(Reason.CONFLICT, "crm.case.error.closed");
            }
            var doc = v.documents().stream().filter(d -> d.id() == documentId).findFirst()
                    .orElseThrow(() -> new CrmException(Reason.NOT_FOUND, "crm.case.error.document"));
            if (CaseStore.scanCount(c, documentId) >= settings.maxScansPerDocument()) {
                throw new CrmException(Reason.INVALID, "crm.case.error.scanCount", settings.maxScansPerDocument());
            }
            long id = CaseStore.insertScan(c, caseId, documentId, name, type.contentType, content, now(), user.username());
            journal(c, user, v, "scan", messages.ukrainian("crm.case.step.scan", doc.name(), name,
                    Math.max(1, content.length / 1024)));
            return id;
        });
        return database.read(c -> CaseStore.scan(c, scanId)).orElseThrow();
    }

    @Override
    public List<Scan> scans(PortalUser user, long caseId) {
        visible(user, caseId);
        return database.read(c -> CaseStore.scans(c, caseId));
    }

    @Override
    public byte[] scanContent(PortalUser user, long scanId) {
        CaseAccess.requireAny(user);
        Scan scan = database.read(c -> CaseStore.scan(c, scanId))
                .orElseThrow(() -> new CrmException(Reason.NOT_FOUND, "crm.error.notFound"));
        visible(user, scan.caseId());
        return database.read(c -> CaseStore.scanContent(c, scanId));
    }

    @Override
    public List<CaseStep> journal(PortalUser user, long caseId) {
        visible(user, caseId);
        return database.read(c -> CaseStore.journal(c, caseId));
    }

    @Override
    public void record(PortalUser user, long caseId, String action, String detail) {
        ServiceCase v = visible(user, caseId).value();
        String a = action == null || action.isBlank() ? "note" : cut(action.strip(), 40);
        database.tx(c -> {
            journal(c, user, v, a, detail == null ? "" : detail.strip());
            return null;
        });
    }

    @Override
    public ServiceCase handOver(PortalUser user, long caseId, long version) {
        return flow.handOver(user, caseId, version);
    }

    @Override
    public ServiceCase take(PortalUser user, long caseId, long version) {
        return flow.take(user, caseId, version);
    }

    @Override
    public ServiceCase resultReady(PortalUser user, long caseId, long version) {
        return flow.ready(user, caseId, null, version);
    }

    @Override
    public ServiceCase refusalReady(PortalUser user, long caseId, String ground, long version) {
        if (ground == null || ground.isBlank()) {
            throw new CrmException(Map.of("ground", "crm.case.error.ground"));
        }
        return flow.ready(user, caseId, ground.strip(), version);
    }

    @Override
    public ServiceCase issue(PortalUser user, long caseId, long version) {
        return flow.issue(user, caseId, version);
    }

    @Override
    public ServiceCase cancel(PortalUser user, long caseId, String reason, long version) {
        if (reason == null || reason.isBlank()) {
            throw new CrmException(Map.of("reason", "crm.case.error.reason"));
        }
        return flow.cancel(user, caseId, reason.strip(), version);
    }

    @Override
    public List<String> refusalGrounds(PortalUser user, long caseId) {
        String grounds = visible(user, caseId).refusalGrounds();
        // a card lists its grounds one a line, often numbered («1) …», «- …»)
        return grounds.lines().map(l -> l.strip().replaceFirst("^(\\d+[.)]|[-–•])\\s*", "").strip())
                .filter(l -> !l.isEmpty()).toList();
    }

    /** The user's name as the portal shows it; the user name when none is set. */
    static String displayName(PortalUser user) {
        return user.displayName() == null || user.displayName().isBlank() ? user.username() : user.displayName().strip();
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
