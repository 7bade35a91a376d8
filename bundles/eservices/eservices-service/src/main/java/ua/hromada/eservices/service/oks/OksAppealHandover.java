package ua.hromada.eservices.service.oks;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.eservices.api.Appeal;
import ua.hromada.eservices.api.AppealHandover;
import ua.hromada.eservices.api.EservicesException;
import ua.hromada.oks.api.NewViolation;
import ua.hromada.eservices.service.appeals.AppealMessages;
import ua.hromada.oks.api.OksCatalog;
import ua.hromada.oks.api.OksLimits;
import ua.hromada.oks.api.Reporter;
import ua.hromada.oks.api.Urgency;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.api.ViolationType;
import ua.hromada.oks.api.Violations;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.HromadaModule;

/**
 * Hands an appeal about a breach of the improvement rules over to OKS as a resident's report, the way
 * OKS's Open311 API registers one (a report without an account: {@link Violations#registerReported}).
 * The one class of the module that uses the OKS API (module guide, "Another module's services"): it
 * waits for OKS (hromada.waitsForOtherModule), and the bundle imports {@code ua.hromada.oks.api}
 * dynamically, so e-services runs without OKS and wires when OKS arrives.
 */
@Component(service = AppealHandover.class, property = HromadaModule.WAITS_FOR_OTHER_MODULE + "=true")
public class OksAppealHandover implements AppealHandover {
    static final String TARGET = "oks";
    /** The OKS type of improvement-rule breaches; "other" where a community has removed it. */
    static final List<String> TYPES = List.of("improvement", "other");

    private final Violations violations;
    private final OksCatalog catalog;
    private final AppealMessages messages = new AppealMessages();

    @Activate
    public OksAppealHandover(@Reference Violations violations, @Reference OksCatalog catalog) {
        this.violations = violations;
        this.catalog = catalog;
    }

    @Override
    public String target() {
        return TARGET;
    }

    @Override
    public Handover handOver(Appeal appeal) {
        if (appeal.latitude() == null || appeal.longitude() == null) {
            // an OKS case is a place an inspector goes to
            throw new EservicesException(Reason.INVALID, "eservices.appeal.handover.oks.noLocation");
        }
        ViolationType type = TYPES.stream().flatMap(code -> catalog.typeByCode(code).filter(ViolationType::active).stream())
                .findFirst()
                .orElseThrow(() -> new EservicesException(Reason.INVALID, "eservices.appeal.handover.oks.noType"));
        String description = messages.ukrainian("eservices.appeal.handover.oks", appeal.number(), appeal.topicName(),
                appeal.text());
        Violation created = violations.registerReported(new NewViolation(type.id(), cut(description, OksLimits.DESCRIPTION), "",
                appeal.latitude(), appeal.longitude(), Urgency.NORMAL, null, null, List.of()),
                new Reporter(appeal.email(), appeal.applicantName(), null, appeal.phone(), null));
        return new Handover(String.valueOf(created.id()), "oks/violation/" + created.id());
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
