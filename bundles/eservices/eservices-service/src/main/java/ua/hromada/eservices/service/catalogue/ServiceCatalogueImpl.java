package ua.hromada.eservices.service.catalogue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.eservices.api.EService;
import ua.hromada.eservices.api.EservicesException;
import ua.hromada.eservices.api.LifeSituation;
import ua.hromada.eservices.api.ServiceCatalogue;
import ua.hromada.eservices.api.ServiceCategory;
import ua.hromada.eservices.api.ServiceQuery;
import ua.hromada.eservices.service.EservicesDatabase;
import ua.hromada.eservices.service.catalogue.TermStore.Term;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.audit.AuditChanges;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.jdbc.Statements;
import ua.hromada.portal.api.jdbc.Versioned;

/** The catalogue's services, categories and life situations: checked, versioned and audited here. */
@Component(service = ServiceCatalogue.class)
public class ServiceCatalogueImpl implements ServiceCatalogue {
    static final String MODULE = "eservices";
    static final String ENTITY = "service";
    /** Most rows one listing answers. */
    static final int MAX_LIMIT = 500;

    private final EservicesDatabase database;
    private final AuditLog audit;
    private final ServiceWriter writer;

    @Activate
    public ServiceCatalogueImpl(@Reference EservicesDatabase database, @Reference AuditLog audit) {
        this.database = database;
        this.audit = audit;
        this.writer = new ServiceWriter(audit);
    }

    @Override
    public List<EService> list(ServiceQuery query, int offset, int limit) {
        return database.read(c -> ServiceStore.list(c, query, false, offset, Math.min(limit, MAX_LIMIT)));
    }

    @Override
    public long count(ServiceQuery query) {
        return database.read(c -> ServiceStore.count(c, query, false));
    }

    @Override
    public Optional<EService> find(long id) {
        return database.read(c -> ServiceStore.find(c, id));
    }

    @Override
    public List<EService> published(ServiceQuery query, int offset, int limit) {
        return database.read(c -> ServiceStore.list(c, query, true, offset, Math.min(limit, MAX_LIMIT)));
    }

    @Override
    public long countPublished(ServiceQuery query) {
        return database.read(c -> ServiceStore.count(c, query, true));
    }

    @Override
    public EService save(PortalUser user, EService service) {
        CatalogueRules.requireEditor(user);
        EService s = CatalogueRules.normalised(service);
        Map<String, String> errors = CatalogueRules.check(s);
        if (!errors.isEmpty()) {
            throw new EservicesException(errors);
        }
        return database.tx(c -> {
            Map<String, String> references = referenceErrors(c, s);
            if (!references.isEmpty()) {
                throw new EservicesException(references);
            }
            if (ServiceStore.findByCode(c, s.code()).filter(other -> other.id() != s.id()).isPresent()) {
                throw new EservicesException(Reason.CONFLICT, "eservices.catalogue.error.codeTaken", s.code());
            }
            return writer.write(c, user.username(), s, "create", "update");
        });
    }

    /** Field → message key for a category, life situation or unit the service names and the community has not. */
    static Map<String, String> referenceErrors(Connection c, EService s) throws SQLException {
        Map<String, String> errors = new LinkedHashMap<>();
        if (s.categoryId() != null && TermStore.CATEGORIES.find(c, s.categoryId()).isEmpty()) {
            errors.put("category", "eservices.catalogue.error.category");
        }
        for (Long situation : s.situationIds()) {
            if (situation == null || TermStore.SITUATIONS.find(c, situation).isEmpty()) {
                errors.put("situations", "eservices.catalogue.error.situation");
            }
        }
        if (s.unitId() != null && Statements.first(c, "SELECT 1 FROM eservices.unit WHERE id = ?", rs -> true,
                s.unitId()).isEmpty()) {
            errors.put("unit", "eservices.catalogue.error.unit");
        }
        return errors;
    }

    @Override
    public void delete(PortalUser user, long id, long version) {
        CatalogueRules.requireEditor(user);
        database.tx(c -> {
            EService before = ServiceStore.find(c, id)
                    .orElseThrow(() -> new EservicesException(Reason.NOT_FOUND, "eservices.error.notFound"));
            Versioned.lock(c, ServiceStore.TABLE, id, version);
            Statements.update(c, "DELETE FROM " + ServiceStore.TABLE + " WHERE id = ?", id);
            audit.record(c, user.username(), MODULE, ENTITY, String.valueOf(id), "delete",
                    new AuditChanges().value("code", before.code()).value("name", before.name())
                            .value("url", before.url()).text());
            return null;
        });
    }

    @Override
    public void move(PortalUser user, long id, boolean up) {
        CatalogueRules.requireEditor(user);
        database.tx(c -> {
            // the whole order is renumbered under a lock: two editors moving at once cannot tie positions
            Statements.first(c, "SELECT pg_advisory_xact_lock(hashtext('eservices.catalogue.order'))", rs -> true);
            List<EService> order = new ArrayList<>(ServiceStore.all(c));
            int at = indexOf(order, id);
            int to = up ? at - 1 : at + 1;
            if (to < 0 || to >= order.size()) {
                return null;
            }
            order.add(to, order.remove(at));
            for (int i = 0; i < order.size(); i++) {
                if (order.get(i).position() != i + 1) {
                    ServiceStore.setPosition(c, order.get(i).id(), i + 1);
                }
            }
            audit.record(c, user.username(), MODULE, ENTITY, String.valueOf(id), "move",
                    new AuditChanges().changed("position", at + 1, to + 1).text());
            return null;
        });
    }

    private static int indexOf(List<EService> order, long id) {
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).id() == id) {
                return i;
            }
        }
        throw new EservicesException(Reason.NOT_FOUND, "eservices.error.notFound");
    }

    @Override
    public List<ServiceCategory> categories() {
        return database.read(c -> TermStore.CATEGORIES.all(c).stream().map(Term::category).toList());
    }

    @Override
    public ServiceCategory saveCategory(PortalUser user, ServiceCategory category) {
        return saveTerm(user, TermStore.CATEGORIES, Term.of(category), "eservices.catalogue.error.categoryTaken")
                .category();
    }

    @Override
    public void deleteCategory(PortalUser user, long id, long version) {
        CatalogueRules.requireEditor(user);
        database.tx(c -> {
            if (Statements.first(c, "SELECT 1 FROM " + ServiceStore.TABLE + " WHERE category_id = ? LIMIT 1",
                    rs -> true, id).isPresent()) {
                throw new EservicesException(Reason.CONFLICT, "eservices.catalogue.error.categoryUsed");
            }
            return deleteTerm(c, user, TermStore.CATEGORIES, id, version);
        });
    }

    @Override
    public List<LifeSituation> situations() {
        return database.read(c -> TermStore.SITUATIONS.all(c).stream().map(Term::situation).toList());
    }

    @Override
    public LifeSituation saveSituation(PortalUser user, LifeSituation situation) {
        return saveTerm(user, TermStore.SITUATIONS, Term.of(situation), "eservices.catalogue.error.situationTaken")
                .situation();
    }

    @Override
    public void deleteSituation(PortalUser user, long id, long version) {
        CatalogueRules.requireEditor(user);
        database.tx(c -> deleteTerm(c, user, TermStore.SITUATIONS, id, version));
    }

    private Term saveTerm(PortalUser user, TermStore store, Term given, String takenKey) {
        CatalogueRules.requireEditor(user);
        Term t = new Term(given.id(), CatalogueRules.blankToNull(given.code()), CatalogueRules.blankToNull(given.name()),
                given.position(), given.version());
        Map<String, String> errors = CatalogueRules.checkTerm(t.code(), t.name());
        if (!errors.isEmpty()) {
            throw new EservicesException(errors);
        }
        return database.tx(c -> {
            if (store.codeTaken(c, t.code(), t.id())) {
                throw new EservicesException(Reason.CONFLICT, takenKey, t.code());
            }
            if (t.id() == 0) {
                long id = store.insert(c, t);
                audit.record(c, user.username(), MODULE, store.entity, String.valueOf(id), "create",
                        new AuditChanges().value("code", t.code()).value("name", t.name()).text());
                return new Term(id, t.code(), t.name(), t.position(), 0);
            }
            Term before = store.find(c, t.id())
                    .orElseThrow(() -> new EservicesException(Reason.NOT_FOUND, "eservices.error.notFound"));
            store.update(c, t);
            AuditChanges changes = new AuditChanges().changed("code", before.code(), t.code())
                    .changed("name", before.name(), t.name()).changed("position", before.position(), t.position());
            if (!changes.isEmpty()) {
                audit.record(c, user.username(), MODULE, store.entity, String.valueOf(t.id()), "update", changes.text());
            }
            return new Term(t.id(), t.code(), t.name(), t.position(), t.version() + 1);
        });
    }

    private Void deleteTerm(Connection c, PortalUser user, TermStore store, long id, long version) throws SQLException {
        Term before = store.find(c, id)
                .orElseThrow(() -> new EservicesException(Reason.NOT_FOUND, "eservices.error.notFound"));
        store.delete(c, id, version);
        audit.record(c, user.username(), MODULE, store.entity, String.valueOf(id), "delete",
                new AuditChanges().value("code", before.code()).value("name", before.name()).text());
        return null;
    }
}
