package ua.hromada.oks.documents;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.oks.api.DocumentRegister;
import ua.hromada.oks.api.IssuedDocument;
import ua.hromada.oks.api.JournalEntry;
import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.api.ViolationDocuments;
import ua.hromada.oks.api.Violations;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.community.Communities;

/**
 * The warning and the protocol as issued in the {@link DocumentRegister}: the number, date, violator
 * and article of the document, its kind's template texts of the community, the card and the journal
 * through {@link Violations} with the actor (its visibility rules apply unchanged), and the council's
 * requisites from configuration. Printing issues nothing: every print of a document is the same act.
 */
@Component(service = ViolationDocuments.class, configurationPid = DocumentsConfig.PID)
@Designate(ocd = DocumentsConfig.class)
public class ViolationDocumentsImpl implements ViolationDocuments {
    private static final Logger LOG = LoggerFactory.getLogger(ViolationDocumentsImpl.class);

    private final Violations violations;
    private final DocumentRegister register;
    private final PdfRenderer renderer;
    private final Communities communities;

    @Activate
    public ViolationDocumentsImpl(@Reference Violations violations, @Reference DocumentRegister register,
            @Reference PortalSettings portal, @Reference Communities communities, DocumentsConfig config) {
        // dates and times printed as the community counts them
        this(violations, register, Requisites.of(config), portal.timeZone(), communities);
        Requisites r = Requisites.of(config);
        if (r.councilName().isEmpty() || r.edrpou().isEmpty() || r.signerName().isEmpty()) {
            LOG.warn("Council requisites incomplete in {}.cfg (council.name, edrpou, signer.name): the OKS documents"
                    + " are printed without them", DocumentsConfig.PID);
        }
    }

    ViolationDocumentsImpl(Violations violations, DocumentRegister register, Requisites requisites, ZoneId zone,
            Communities communities) {
        this.violations = violations;
        this.register = register;
        this.communities = communities;
        this.renderer = new PdfRenderer(requisites, zone, new Texts(Texts.UKRAINIAN));
    }

    @Override
    public byte[] print(PortalUser actor, long documentId) {
        IssuedDocument doc = register.find(actor, documentId).orElseThrow(() -> new OksException(
                OksException.Reason.NOT_FOUND, "oks.documents.error.documentNotFound", String.valueOf(documentId)));
        Violation v = violations.find(actor, doc.violationId()).orElseThrow(() -> new OksException(
                OksException.Reason.NOT_FOUND, "oks.documents.error.notFound", String.valueOf(doc.violationId())));
        List<JournalEntry> journal = violations.journal(actor, doc.violationId());
        // printed with the requisites of the community the case belongs to (the one bound: it sees the case)
        PdfRenderer own = renderer.with(renderer.requisites().of(communities.current()));
        return own.render(DocumentData.of(doc, register.template(doc.kind()), v, journal));
    }

    @Override
    public byte[] render(PortalUser actor, long violationId, Kind kind) {
        if (violations.find(actor, violationId).isEmpty()) {
            throw new OksException(OksException.Reason.NOT_FOUND, "oks.documents.error.notFound", String.valueOf(violationId));
        }
        List<IssuedDocument> issued = register.issued(actor, violationId).stream().filter(d -> d.kind() == kind).toList();
        if (issued.isEmpty()) {
            throw new OksException(OksException.Reason.CONFLICT, "oks.documents.error.notIssued", String.valueOf(violationId));
        }
        return print(actor, issued.get(issued.size() - 1).id());
    }

    @Override
    public DocumentRegister register() {
        return register;
    }

    @Override
    public Set<Kind> available(PortalUser actor, long violationId) {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        register.issued(actor, violationId).forEach(d -> kinds.add(d.kind()));
        return kinds;
    }
}
