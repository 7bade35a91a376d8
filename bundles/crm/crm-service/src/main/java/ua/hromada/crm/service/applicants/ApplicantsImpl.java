package ua.hromada.crm.service.applicants;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.crm.api.Applicant;
import ua.hromada.crm.api.Applicants;
import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.CrmPermissions;
import ua.hromada.crm.service.CrmDatabase;
import ua.hromada.crm.service.cards.AuditFields;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.audit.AuditChanges;
import ua.hromada.portal.api.audit.AuditLog;

/**
 * The community's applicants: checked (check digits, birth date against the РНОКПП, the identity
 * document), guarded against registering the same person twice, versioned and audited here.
 */
@Component(service = Applicants.class)
public class ApplicantsImpl implements Applicants {
    static final String MODULE = "crm";
    static final String ENTITY = "applicant";
    /** Every role of the centre reads applicants: a case shows its applicant to the back office too. */
    static final String READ = PortalUser.anyOf(CrmPermissions.ADMINISTRATOR, CrmPermissions.BACK_OFFICE,
            CrmPermissions.HEAD);

    private final CrmDatabase database;
    private final AuditLog audit;
    private final PortalSettings settings;

    @Activate
    public ApplicantsImpl(@Reference CrmDatabase database, @Reference AuditLog audit,
            @Reference PortalSettings settings) {
        this.database = database;
        this.audit = audit;
        this.settings = settings;
    }

    private static void require(PortalUser user, String permission) {
        if (user == null || !user.hasPermission(permission)) {
            throw new CrmException(Reason.FORBIDDEN, "crm.error.forbidden");
        }
    }

    @Override
    public Applicant save(PortalUser user, Applicant applicant, boolean duplicateConfirmed) {
        require(user, CrmPermissions.ADMINISTRATOR);
        Applicant a = ApplicantRules.normalised(applicant);
        ApplicantRules.check(a, settings.today()).throwIfAny();
        return database.tx(c -> {
            List<Applicant> twins = ApplicantStore.duplicates(c, a);
            if (!twins.isEmpty() && !duplicateConfirmed) {
                throw new CrmException(Reason.CONFLICT, "crm.applicant.error.duplicate",
                        twins.stream().map(Applicant::displayName).distinct().limit(3).collect(Collectors.joining(", ")));
            }
            if (a.id() == 0) {
                long id = ApplicantStore.insert(c, a, settings.clock().instant());
                AuditChanges changes = describe(a, null);
                if (!twins.isEmpty()) {
                    changes.value("duplicateConfirmed", twins.stream().map(t -> String.valueOf(t.id()))
                            .collect(Collectors.joining(",")));
                }
                audit.record(c, user.username(), MODULE, ENTITY, String.valueOf(id), "create", changes.text());
                return ApplicantStore.get(c, id).orElseThrow();
            }
            Applicant before = ApplicantStore.get(c, a.id())
                    .orElseThrow(() -> new CrmException(Reason.NOT_FOUND, "crm.error.notFound"));
            ApplicantStore.update(c, a);
            AuditChanges changes = describe(a, before);
            if (!changes.isEmpty()) {
                audit.record(c, user.username(), MODULE, ENTITY, String.valueOf(a.id()), "update", changes.text());
            }
            return ApplicantStore.get(c, a.id()).orElseThrow();
        });
    }

    @Override
    public Optional<Applicant> get(PortalUser user, long id) {
        require(user, READ);
        return database.read(c -> ApplicantStore.get(c, id));
    }

    @Override
    public List<Applicant> find(PortalUser user, String text, int offset, int limit) {
        require(user, READ);
        return database.read(c -> ApplicantStore.find(c, text, offset, limit));
    }

    @Override
    public int count(PortalUser user, String text) {
        require(user, READ);
        return database.read(c -> ApplicantStore.count(c, text));
    }

    @Override
    public List<Applicant> duplicates(PortalUser user, Applicant candidate) {
        require(user, READ);
        Applicant a = ApplicantRules.normalised(candidate);
        return database.read(c -> ApplicantStore.duplicates(c, a));
    }

    /** The audited fields, in the order an entry lists them; identifiers in full (the audit is for the centre's head). */
    private static final List<Map.Entry<String, Function<Applicant, Object>>> FIELDS = List.of(
            Map.entry("kind", Applicant::kind), Map.entry("lastName", Applicant::lastName),
            Map.entry("firstName", Applicant::firstName), Map.entry("patronymic", Applicant::patronymic),
            Map.entry("birthDate", Applicant::birthDate), Map.entry("taxNumber", Applicant::taxNumber),
            Map.entry("documentType", Applicant::documentType), Map.entry("documentNumber", Applicant::documentNumber),
            Map.entry("documentExpiry", Applicant::documentExpiry),
            Map.entry("registryNumber", Applicant::registryNumber),
            Map.entry("organisationName", Applicant::organisationName), Map.entry("edrpou", Applicant::edrpou),
            Map.entry("phone", Applicant::phone), Map.entry("email", Applicant::email),
            Map.entry("address", Applicant::address));

    private static AuditChanges describe(Applicant a, Applicant before) {
        return AuditFields.describe(FIELDS, a, before);
    }
}
