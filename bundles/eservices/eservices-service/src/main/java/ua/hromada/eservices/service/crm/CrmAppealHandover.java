package ua.hromada.eservices.service.crm;

import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.crm.api.Applicant;
import ua.hromada.crm.api.Applicants;
import ua.hromada.crm.api.CaseDraft;
import ua.hromada.crm.api.CaseSource;
import ua.hromada.crm.api.Cases;
import ua.hromada.crm.api.CrmPermissions;
import ua.hromada.crm.api.Routing;
import ua.hromada.crm.api.RoutingSuggestion;
import ua.hromada.crm.api.ServiceCase;
import ua.hromada.eservices.api.Appeal;
import ua.hromada.eservices.api.AppealHandover;
import ua.hromada.eservices.api.EservicesException;
import ua.hromada.eservices.service.appeals.AppealMessages;
import ua.hromada.portal.api.HromadaModule;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.PortalUser;

/**
 * Hands an appeal about an administrative service over to the ЦНАП CRM as a case (source
 * {@code E_APPEAL}, the appeal's number and text as the request), under the service card the CRM's
 * routing is confident of. The one class of the module that uses the CRM API (module guide, "Another
 * module's services"): it waits for the CRM, and the bundle imports {@code ua.hromada.crm.api}
 * dynamically.
 *
 * <p>What a ЦНАП expects, and so what it does:
 * <ul>
 * <li>It acts as the system user {@value #USERNAME} with the ЦНАП administrator's right: nobody sits at
 * the desk when an appeal arrives, and the case's journal names who registered it.
 * <li>The applicant must already be known to the centre: the appeal's name has to contain a registered
 * applicant's last and first names and its e-mail or phone has to be theirs. A new applicant is
 * <em>not</em> registered from an appeal, because the CRM's applicant record needs what an appeal does
 * not carry (birth date, identity document); the unit keeps the appeal and the journal says so.
 * <li>The card is the routing's best suggestion only when it is confident (above the CRM's
 * {@code routing.threshold}). Below it, no case is opened: the CRM's rule is that a person then
 * chooses, and a case opened under a guessed card would also be learnt by the routing as a confirmed
 * one. The appeal stays with its unit, the journal naming the closest service and its confidence.
 * Without the CRM's routing (crm-verification not installed) the same holds.
 * </ul>
 * Each refusal is an {@link EservicesException} whose words the intake journals on the appeal.
 */
@Component(service = AppealHandover.class, property = HromadaModule.WAITS_FOR_OTHER_MODULE + "=true")
public class CrmAppealHandover implements AppealHandover {
    static final String TARGET = "crm";
    static final String USERNAME = "e-appeals";
    /** Who registers cases from e-appeals: the desk's right, no roles of a back office. */
    static final PortalUser SYSTEM = new PortalUser(0, USERNAME, "Електронні звернення порталу", Set.of(),
            Set.of(CrmPermissions.ADMINISTRATOR));
    /** The CRM's longest request (its Cases refuse a longer one). */
    static final int MAX_REQUEST = 5000;
    private static final Logger LOG = LoggerFactory.getLogger(CrmAppealHandover.class);

    private final Cases cases;
    private final Applicants applicants;
    private final AppealMessages messages = new AppealMessages();
    private volatile Routing routing;

    @Activate
    public CrmAppealHandover(@Reference Cases cases, @Reference Applicants applicants) {
        this.cases = cases;
        this.applicants = applicants;
    }

    /** Outside OSGi (tests): with this routing, or null for none installed. */
    public CrmAppealHandover(Cases cases, Applicants applicants, Routing routing) {
        this(cases, applicants);
        this.routing = routing;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindRouting(Routing service) {
        this.routing = service;
    }

    public void unbindRouting(Routing service) {
        if (this.routing == service) {
            this.routing = null;
        }
    }

    @Override
    public String target() {
        return TARGET;
    }

    @Override
    public Handover handOver(Appeal appeal) {
        Applicant applicant = applicant(appeal);
        RoutingSuggestion service = service(appeal.text());
        String request = appeal.text().length() <= MAX_REQUEST ? appeal.text()
                : appeal.text().substring(0, MAX_REQUEST - 1) + "…";
        ServiceCase opened = cases.open(SYSTEM, new CaseDraft(applicant.id(), service.cardId(), CaseSource.E_APPEAL,
                appeal.number(), request, false, false));
        try {
            // why this card: the administrator sees the routing's choice and may cancel and re-open
            cases.record(SYSTEM, opened.id(), "routed", messages.ukrainian("eservices.appeal.handover.crm.routed",
                    service.serviceName(), percent(service.confidence()), appeal.number(), appeal.topicName()));
        } catch (RuntimeException e) { // the case is open: the appeal is handed over even without this line
            LOG.warn("Case {} from appeal {}: routing not journalled: {}", opened.number(), appeal.number(), e.toString());
        }
        return new Handover(opened.number(), "tsnap/sprava/" + opened.id());
    }

    private Applicant applicant(Appeal appeal) {
        List<Applicant> found = AppealApplicant.matches(applicants, SYSTEM, appeal.applicantName(), appeal.email(),
                appeal.phone());
        if (found.isEmpty()) {
            throw new EservicesException(Reason.INVALID, "eservices.appeal.handover.crm.noApplicant",
                    appeal.applicantName());
        }
        if (found.size() > 1) {
            throw new EservicesException(Reason.CONFLICT, "eservices.appeal.handover.crm.severalApplicants",
                    found.size(), appeal.applicantName());
        }
        return found.get(0);
    }

    private RoutingSuggestion service(String text) {
        Routing current = routing;
        if (current == null) {
            throw new EservicesException(Reason.INVALID, "eservices.appeal.handover.crm.noRouting");
        }
        List<RoutingSuggestion> suggestions = current.suggest(SYSTEM, text);
        if (suggestions.isEmpty()) {
            throw new EservicesException(Reason.INVALID, "eservices.appeal.handover.crm.noService");
        }
        RoutingSuggestion best = suggestions.get(0);
        if (!best.confident()) {
            throw new EservicesException(Reason.INVALID, "eservices.appeal.handover.crm.notConfident",
                    best.serviceName(), percent(best.confidence()));
        }
        return best;
    }

    private static int percent(double confidence) {
        return (int) Math.round(confidence * 100);
    }
}
