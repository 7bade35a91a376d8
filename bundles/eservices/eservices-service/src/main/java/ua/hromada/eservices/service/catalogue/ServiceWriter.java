package ua.hromada.eservices.service.catalogue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import ua.hromada.eservices.api.EService;
import ua.hromada.eservices.api.EservicesException;
import ua.hromada.eservices.service.catalogue.TermStore.Term;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.audit.AuditChanges;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.jdbc.Statements;

/** Writes one checked service with its audit entry on the caller's transaction: the editor's save and each imported row. */
final class ServiceWriter {
    private final AuditLog audit;

    ServiceWriter(AuditLog audit) {
        this.audit = audit;
    }

    /**
     * Creates or updates one checked service on the caller's transaction with its audit entry (the
     * editor's save and each row of an import).
     */
    EService write(Connection c, String actor, EService s, String createAction, String updateAction)
            throws SQLException {
        if (s.id() == 0) {
            EService created = ServiceStore.insert(c, s);
            audit.record(c, actor, ServiceCatalogueImpl.MODULE, ServiceCatalogueImpl.ENTITY,
                    String.valueOf(created.id()), createAction, describe(c, created, new AuditChanges(), null).text());
            return created;
        }
        EService before = ServiceStore.find(c, s.id())
                .orElseThrow(() -> new EservicesException(Reason.NOT_FOUND, "eservices.error.notFound"));
        ServiceStore.update(c, s);
        if (!Objects.equals(before.url(), s.url())) {
            ServiceStore.resetLink(c, s.id());
        }
        AuditChanges changes = describe(c, s, new AuditChanges(), before);
        if (!changes.isEmpty()) {
            audit.record(c, actor, ServiceCatalogueImpl.MODULE, ServiceCatalogueImpl.ENTITY, String.valueOf(s.id()),
                    updateAction, changes.text());
        }
        return ServiceStore.find(c, s.id()).orElseThrow();
    }

    /** The fields of a new service ({@code before} null) or those an update changed, references by name. */
    private static AuditChanges describe(Connection c, EService s, AuditChanges changes, EService before)
            throws SQLException {
        Map<Long, String> categories = names(TermStore.CATEGORIES.all(c));
        Map<Long, String> situations = names(TermStore.SITUATIONS.all(c));
        Map<Long, String> units = Statements.list(c, "SELECT id, name FROM eservices.unit",
                rs -> Map.entry(rs.getLong(1), rs.getString(2))).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Object[][] fields = {
            {"code", s.code(), before == null ? null : before.code()},
            {"name", s.name(), before == null ? null : before.name()},
            {"description", s.description(), before == null ? null : before.description()},
            {"url", s.url(), before == null ? null : before.url()},
            {"category", categories.get(s.categoryId()), before == null ? null : categories.get(before.categoryId())},
            {"situations", joined(s.situationIds(), situations),
                before == null ? null : joined(before.situationIds(), situations)},
            {"audience", s.audience(), before == null ? null : before.audience()},
            {"provider", s.provider(), before == null ? null : before.provider()},
            {"unit", units.get(s.unitId()), before == null ? null : units.get(before.unitId())},
            {"status", s.status(), before == null ? null : before.status()},
        };
        for (Object[] f : fields) {
            if (before == null) {
                if (f[1] != null && !"".equals(f[1])) {
                    changes.value((String) f[0], f[1]);
                }
            } else {
                changes.changed((String) f[0], f[2], f[1]);
            }
        }
        return changes;
    }

    private static Map<Long, String> names(List<Term> terms) {
        Map<Long, String> out = new HashMap<>();
        terms.forEach(t -> out.put(t.id(), t.name()));
        return out;
    }

    private static String joined(List<Long> ids, Map<Long, String> names) {
        return ids.stream().map(id -> names.getOrDefault(id, String.valueOf(id))).sorted()
                .collect(Collectors.joining(", "));
    }

}
