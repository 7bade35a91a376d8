package ua.hromada.oks.api;

import java.util.List;
import java.util.Optional;

import ua.hromada.portal.api.PortalUser;

/**
 * The register of the documents OKS issues (warnings, protocols) as legal acts: issuing is a step
 * of the case's journal (an action whose catalogue row produces a document), and the document gets
 * its registration number then, once, from its community's sequence of the year for that kind;
 * printing it again prints the same number. Also the catalogue of legal articles and the templates'
 * texts, both each community's own. Refusals are {@link OksException}s with a message key.
 */
@org.osgi.annotation.versioning.ProviderType
public interface DocumentRegister {

    /** The case's steps that produce a document and have none issued yet, oldest first. */
    List<DocumentStep> awaiting(PortalUser actor, long violationId);

    /**
     * Issues the document of a journal step: checks the violator (РНОКПП or ЄДРПОУ check digit) and
     * the article, gives the next registration number of the year and stores the document.
     *
     * @throws OksException NOT_FOUND (case or step not visible), FORBIDDEN (not an inspector or
     *                      administrator), CONFLICT (the step produces no document or already has
     *                      one), INVALID (the details, naming the field)
     */
    IssuedDocument issue(PortalUser actor, long violationId, long journalEntryId, DocumentDetails details);

    /** The documents issued for the case, oldest first. */
    List<IssuedDocument> issued(PortalUser actor, long violationId);

    /** One issued document, if the actor may see its case. */
    Optional<IssuedDocument> find(PortalUser actor, long documentId);

    /**
     * Attaches the signed copy (PDF, JPEG or PNG, by content; at most {@link #SCAN_MAX_BYTES});
     * a later one replaces it.
     */
    IssuedDocument attachScan(PortalUser actor, long documentId, ScanFile scan);

    /** The signed copy of a document, if attached and the actor may see its case. */
    Optional<ScanFile> scan(PortalUser actor, long documentId);

    /** The community's legal articles, by code; inactive ones too when asked. */
    List<LegalArticle> articles(boolean includeInactive);

    /** The community's articles (inactive ones too) that name the act of document search with that id, by code. */
    List<LegalArticle> articlesCiting(long actId);

    /** Adds (id 0) or changes an article; OKS administrators only. */
    LegalArticle saveArticle(PortalUser actor, LegalArticle article);

    /** The community's texts of a document kind (the shipped ones until an administrator saves). */
    DocumentTemplate template(ViolationDocuments.Kind kind);

    /** Saves a kind's texts; OKS administrators only. */
    DocumentTemplate saveTemplate(PortalUser actor, DocumentTemplate template);

    /** The largest signed copy accepted. */
    long SCAN_MAX_BYTES = 20L * 1024 * 1024;
}
