package ua.hromada.oks.documents;

import java.time.Clock;
import java.time.LocalDate;
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

import ua.hromada.oks.api.JournalEntry;
import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.api.ViolationDocuments;
import ua.hromada.oks.api.Violations;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.community.Communities;

/**
 * The warning and the protocol of a violation that is with an executor. The card and the journal
 * come through {@link Violations} with the actor, so its visibility rules apply unchanged.
 */
@Component(service = ViolationDocuments.class, configurationPid = DocumentsConfig.PID)
@Designate(ocd = DocumentsConfig.class)
public class ViolationDocumentsImpl implements ViolationDocuments {
    private static final Logger LOG = LoggerFactory.getLogger(ViolationDocumentsImpl.class);

    /** The case is with an executor: sent, being worked on, or disputed (docs/oks-workflow.md). */
    static final Set<StatusGroup> WITH_EXECUTOR = EnumSet.of(StatusGroup.SENT, StatusGroup.IN_PROGRESS,
            StatusGroup.CONFLICT);

    private final Violations violations;
    private final PdfRenderer renderer;
    private final ZoneId zone;
    private final Clock clock;
    private final Communities communities;

    @Activate
    public ViolationDocumentsImpl(@Reference Violations violations, @Reference PortalSettings portal,
            @Reference Communities communities, DocumentsConfig config) {
        // dates and times printed as the community counts them
        this(violations, Requisites.of(config), portal.timeZone(), portal.clock(), communities);
        if (Requisites.of(config).councilName().isEmpty()) {
            LOG.warn("No council requisites in {}.cfg: the OKS documents are printed without a header", DocumentsConfig.PID);
        }
    }

    ViolationDocumentsImpl(Violations violations, Requisites requisites, ZoneId zone, Clock clock,
            Communities communities) {
        this.violations = violations;
        this.zone = zone;
        this.clock = clock;
        this.communities = communities;
        this.renderer = new PdfRenderer(requisites, zone, new Texts(Texts.UKRAINIAN));
    }

    @Override
    public byte[] render(PortalUser actor, long violationId, Kind kind) {
        Violation v = violations.find(actor, violationId).orElseThrow(() -> new OksException(
                OksException.Reason.NOT_FOUND, "oks.documents.error.notFound", String.valueOf(violationId)));
        if (kinds(v).isEmpty()) {
            throw new OksException(OksException.Reason.CONFLICT, "oks.documents.error.notWithExecutor",
                    String.valueOf(violationId), v.lastAction().name());
        }
        List<JournalEntry> journal = violations.journal(actor, violationId);
        // printed with the requisites of the community the case belongs to (the one bound: it sees the case)
        PdfRenderer own = renderer.with(renderer.requisites().of(communities.current()));
        return own.render(DocumentData.of(kind, v, journal, LocalDate.now(clock.withZone(zone))));
    }

    @Override
    public Set<Kind> available(PortalUser actor, long violationId) {
        return violations.find(actor, violationId).map(ViolationDocumentsImpl::kinds).orElse(Set.of());
    }

    /** While the case is with an executor (sent, being worked on, disputed) both documents apply. */
    private static Set<Kind> kinds(Violation v) {
        return WITH_EXECUTOR.contains(v.group()) ? EnumSet.allOf(Kind.class) : Set.of();
    }
}
