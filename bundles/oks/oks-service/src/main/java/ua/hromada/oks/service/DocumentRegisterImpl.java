package ua.hromada.oks.service;

import static ua.hromada.portal.api.PortalException.Reason.CONFLICT;
import static ua.hromada.portal.api.PortalException.Reason.INVALID;
import static ua.hromada.portal.api.PortalException.Reason.NOT_FOUND;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.oks.api.DocumentDetails;
import ua.hromada.oks.api.DocumentRegister;
import ua.hromada.oks.api.DocumentStep;
import ua.hromada.oks.api.DocumentTemplate;
import ua.hromada.oks.api.IssuedDocument;
import ua.hromada.oks.api.LegalArticle;
import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.ScanFile;
import ua.hromada.oks.api.ViolationDocuments.Kind;
import ua.hromada.oks.api.Violations;
import ua.hromada.oks.api.Violator;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalUser;

/**
 * The register of issued documents over the {@code oks} schema (V11). A document belongs to the
 * journal step that produced it; its number is the next of the community's sequence for its kind and
 * year, taken in the issuing transaction (docs/oks-documents-mail.md). Visibility of a case is the
 * {@link Violations} service's rule, asked with the actor.
 */
@Component(service = DocumentRegister.class)
public class DocumentRegisterImpl implements DocumentRegister {
    static final int WITNESSES_MAX = 2000;
    static final int EXPLANATION_MAX = 4000;
    static final int ARTICLE_CODE_MAX = 100;
    static final int ARTICLE_TITLE_MAX = 1000;
    static final int HEADING_MAX = 1000;
    static final int BODY_MAX = 20000;

    private final OksDatabase db;
    private final Violations violations;
    private final ZoneId zone;
    private final DocumentStore store = new DocumentStore();
    private final ShippedDocuments shipped = new ShippedDocuments();

    @Activate
    public DocumentRegisterImpl(@Reference OksDatabase db, @Reference Violations violations,
            @Reference PortalSettings portal) {
        this(db, violations, portal.timeZone());
    }

    DocumentRegisterImpl(OksDatabase db, Violations violations, ZoneId zone) {
        this.db = db;
        this.violations = violations;
        this.zone = zone;
    }

    @Override
    public List<DocumentStep> awaiting(PortalUser actor, long violationId) {
        if (!Access.inspector(actor) || violations.find(actor, violationId).isEmpty()) {
            return List.of();
        }
        return db.read(c -> store.awaiting(c, violationId));
    }

    @Override
    public IssuedDocument issue(PortalUser actor, long violationId, long journalEntryId, DocumentDetails details) {
        Access.require(Access.inspector(actor));
        requireVisible(actor, violationId);
        if (details == null) {
            throw new OksException(INVALID, "oks.register.error.violatorRequired");
        }
        Violator violator = Violators.forDocument(details.violator());
        if (details.articleId() == null) {
            throw new OksException(INVALID, "oks.register.error.articleRequired");
        }
        String witnesses = limited(details.witnesses(), WITNESSES_MAX, "oks.register.error.witnessesTooLong");
        String explanation = limited(details.explanation(), EXPLANATION_MAX, "oks.register.error.explanationTooLong");
        Instant now = db.clock().instant();
        LocalDate on = LocalDate.ofInstant(now, zone);
        long id = db.tx(c -> {
            shipped.seedArticles(c);
            DocumentStore.Step step = store.lockStep(c, violationId, journalEntryId)
                    .orElseThrow(() -> new OksException(NOT_FOUND, "oks.register.error.stepNotFound"));
            if (step.produces() == null) {
                throw new OksException(CONFLICT, "oks.register.error.noDocument");
            }
            List<IssuedDocument> existing = store.documents(c, "journal_id = ?", journalEntryId);
            if (!existing.isEmpty()) {
                throw new OksException(CONFLICT, "oks.register.error.alreadyIssued", existing.get(0).number());
            }
            LegalArticle article = store.article(c, details.articleId()).filter(LegalArticle::active)
                    .orElseThrow(() -> new OksException(INVALID, "oks.register.error.articleRequired"));
            Kind kind = step.produces();
            String pattern = store.template(c, kind).orElseGet(() -> shipped.template(kind)).numberPattern();
            int seq = store.nextSeq(c, kind, on.getYear());
            return store.insert(c, new DocumentStore.NewDocument(violationId, journalEntryId, kind, now, on,
                    actor.username(), displayName(actor), violator, article, kind == Kind.PROTOCOL ? witnesses : null,
                    kind == Kind.PROTOCOL ? explanation : null), on.getYear(), seq,
                    NumberPattern.format(pattern, seq, on.getYear()));
        });
        return db.read(c -> store.documents(c, "id = ?", id)).get(0);
    }

    @Override
    public List<IssuedDocument> issued(PortalUser actor, long violationId) {
        if (violations.find(actor, violationId).isEmpty()) {
            return List.of();
        }
        return db.read(c -> store.documents(c, "violation_id = ?", violationId));
    }

    @Override
    public Optional<IssuedDocument> find(PortalUser actor, long documentId) {
        Optional<IssuedDocument> d = db.read(c -> store.documents(c, "id = ?", documentId)).stream().findFirst();
        return d.filter(doc -> violations.find(actor, doc.violationId()).isPresent());
    }

    @Override
    public IssuedDocument attachScan(PortalUser actor, long documentId, ScanFile scan) {
        Access.require(Access.inspector(actor));
        IssuedDocument doc = find(actor, documentId)
                .orElseThrow(() -> new OksException(NOT_FOUND, "oks.register.error.documentNotFound"));
        ScanFile checked = checkedScan(scan);
        db.tx(c -> store.attachScan(c, documentId, checked, db.clock().instant(), actor.username()));
        return find(actor, doc.id()).orElseThrow();
    }

    @Override
    public Optional<ScanFile> scan(PortalUser actor, long documentId) {
        if (find(actor, documentId).isEmpty()) {
            return Optional.empty();
        }
        return db.read(c -> store.scan(c, documentId));
    }

    /** A signed copy by its content: PDF, JPEG or PNG, not empty and not above {@link #SCAN_MAX_BYTES}. */
    static ScanFile checkedScan(ScanFile scan) {
        byte[] b = scan == null ? null : scan.content();
        if (b == null || b.length == 0) {
            throw new OksException(INVALID, "oks.register.error.scanEmpty");
        }
        if (b.length > SCAN_MAX_BYTES) {
            throw new OksException(INVALID, "oks.register.error.scanTooLarge", SCAN_MAX_BYTES / (1024 * 1024));
        }
        String type = startsWith(b, '%', 'P', 'D', 'F', '-') ? "application/pdf"
                : startsWith(b, 0xFF, 0xD8, 0xFF) ? "image/jpeg"
                : startsWith(b, 0x89, 'P', 'N', 'G') ? "image/png" : null;
        if (type == null) {
            throw new OksException(INVALID, "oks.register.error.scanType");
        }
        String name = scan.fileName() == null || scan.fileName().isBlank() ? "scan" : scan.fileName().strip();
        // the name as the browser gave it, without a path, bounded for the column
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return new ScanFile(name.length() > 200 ? name.substring(name.length() - 200) : name, type, b);
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- articles and templates

    @Override
    public List<LegalArticle> articles(boolean includeInactive) {
        return db.tx(c -> {
            shipped.seedArticles(c);
            return store.articles(c, includeInactive);
        });
    }

    @Override
    public List<LegalArticle> articlesCiting(long actId) {
        // a community's few dozen articles: read whole
        Long act = actId;
        return articles(true).stream().filter(a -> act.equals(a.actId())).toList();
    }

    @Override
    public LegalArticle saveArticle(PortalUser actor, LegalArticle a) {
        Access.require(Access.admin(actor));
        String code = a.code() == null ? "" : a.code().strip();
        String title = a.title() == null ? "" : a.title().strip();
        if (code.isEmpty()) {
            throw new OksException(INVALID, "oks.register.error.articleCode");
        }
        if (code.length() > ARTICLE_CODE_MAX || title.length() > ARTICLE_TITLE_MAX) {
            throw new OksException(INVALID, "oks.register.error.articleTooLong", ARTICLE_CODE_MAX, ARTICLE_TITLE_MAX);
        }
        LegalArticle clean = new LegalArticle(a.id(), code, title, a.active(), a.version(), a.actId());
        long id = db.tx(c -> {
            shipped.seedArticles(c);
            if (store.codeTaken(c, code, a.id())) {
                throw new OksException(CONFLICT, "oks.register.error.articleTaken", code);
            }
            if (a.id() != 0 && store.article(c, a.id()).isEmpty()) {
                throw new OksException(NOT_FOUND, "oks.register.error.articleNotFound");
            }
            return store.saveArticle(c, clean);
        });
        return db.read(c -> store.article(c, id)).orElseThrow();
    }

    @Override
    public DocumentTemplate template(Kind kind) {
        return db.read(c -> store.template(c, kind)).orElseGet(() -> shipped.template(kind));
    }

    /** The shipped texts of a kind, for an administrator who wants them back. */
    public DocumentTemplate shippedTemplate(Kind kind) {
        return shipped.template(kind);
    }

    @Override
    public DocumentTemplate saveTemplate(PortalUser actor, DocumentTemplate t) {
        Access.require(Access.admin(actor));
        if (t == null || t.kind() == null) {
            throw new OksException(INVALID, "oks.register.error.templateKind");
        }
        String heading = t.heading() == null ? "" : t.heading().strip();
        String body = t.body() == null ? "" : t.body().strip();
        if (heading.isEmpty() || body.isEmpty()) {
            throw new OksException(INVALID, "oks.register.error.templateEmpty");
        }
        if (heading.length() > HEADING_MAX || body.length() > BODY_MAX) {
            throw new OksException(INVALID, "oks.register.error.templateTooLong", HEADING_MAX, BODY_MAX);
        }
        checkPlaceholders(heading + "\n" + body);
        DocumentTemplate clean = new DocumentTemplate(t.kind(), heading, body, NumberPattern.checked(t.numberPattern()),
                t.version());
        db.tx(c -> {
            store.saveTemplate(c, clean);
            return null;
        });
        return template(t.kind());
    }

    /** Every {name} in a template is one of {@link DocumentTemplate#PLACEHOLDERS}: a typo is refused, not printed. */
    static void checkPlaceholders(String text) {
        var m = java.util.regex.Pattern.compile("\\{([^{}\\s]*)\\}").matcher(text);
        while (m.find()) {
            if (!DocumentTemplate.PLACEHOLDERS.contains(m.group(1))) {
                throw new OksException(INVALID, "oks.register.error.templatePlaceholder", m.group(),
                        String.join(", ", DocumentTemplate.PLACEHOLDERS.stream().map(p -> "{" + p + "}").toList()));
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private void requireVisible(PortalUser actor, long violationId) {
        if (violations.find(actor, violationId).isEmpty()) {
            throw new OksException(NOT_FOUND, "oks.error.notFound");
        }
    }

    private static String limited(String text, int max, String key) {
        String s = text == null ? "" : text.strip();
        if (s.length() > max) {
            throw new OksException(INVALID, key, max);
        }
        return s.isEmpty() ? null : s;
    }

    private static String displayName(PortalUser u) {
        return u.displayName() == null || u.displayName().isBlank() ? u.username() : u.displayName();
    }
}
