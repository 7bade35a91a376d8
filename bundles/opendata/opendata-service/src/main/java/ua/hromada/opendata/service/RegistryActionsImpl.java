package ua.hromada.opendata.service;

import static ua.hromada.portal.api.PortalException.Reason.CONFLICT;
import static ua.hromada.portal.api.PortalException.Reason.NOT_FOUND;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.RegistryActions;
import ua.hromada.opendata.api.RegistryReferences;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.jdbc.Versioned;

/**
 * Deletion and the registry grid's bulk actions, apart from the registry's reads and saves. A
 * deletion that would orphan other records is refused with a message naming them; every change is
 * one transaction and one audit-log entry.
 */
@Component(service = RegistryActions.class)
public class RegistryActionsImpl implements RegistryActions {

    private final DatasetRegistryImpl registry;
    private final List<RegistryReferences> references = new CopyOnWriteArrayList<>();

    @Activate
    public RegistryActionsImpl(@Reference DatasetRegistryImpl registry) {
        this.registry = registry;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeReferences")
    void addReferences(RegistryReferences r) {
        references.add(r);
    }

    void removeReferences(RegistryReferences r) {
        references.remove(r);
    }

    // =================================================================== datasets

    @Override
    public void deleteDataset(PortalUser actor, long datasetId) {
        Access.requireEdit(actor);
        registry.changes().write(c -> {
            Dataset removed = delete(c, datasetId);
            registry.changes().entry(c, actor, "dataset", removed.id(), "delete", removed.identifier() + " «"
                    + removed.title() + "»" + (removed.published() ? " (було оприлюднено)" : ""));
            return removed;
        });
    }

    private Dataset delete(Connection c, long datasetId) throws SQLException {
        Dataset d = lockedDataset(c, datasetId);
        if (d.providerModule() != null && live(c, datasetId)) {
            throw new OpendataException(CONFLICT, "opendata.error.deleteLive", d.title(), d.providerModule());
        }
        List<String[]> files = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT storage, sha256 FROM opendata.resource WHERE dataset_id = ? AND file_name IS NOT NULL")) {
            ps.setLong(1, datasetId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    files.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        // resources, their bytes and the structure go with the row (ON DELETE CASCADE)
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM opendata.dataset WHERE id = ?")) {
            ps.setLong(1, datasetId);
            ps.executeUpdate();
        }
        for (String[] f : files) {
            registry.store().release(c, f[0], f[1]);
        }
        return d;
    }

    private Dataset lockedDataset(Connection c, long datasetId) throws SQLException {
        DatasetStore.requireDataset(c, datasetId, true);
        return registry.datasetStore().dataset(c, datasetId).orElseThrow();
    }

    private static boolean live(Connection c, long datasetId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT provider_live FROM opendata.dataset WHERE id = ?")) {
            ps.setLong(1, datasetId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    @Override
    public BulkResult deleteDatasets(PortalUser actor, List<Long> datasetIds) {
        Access.requireEdit(actor);
        int done = 0;
        List<Refusal> refused = new ArrayList<>();
        for (long id : distinct(datasetIds)) {
            try {
                deleteDataset(actor, id);
                done++;
            } catch (OpendataException e) {
                refused.add(new Refusal(id, title(id), e));
            }
        }
        return new BulkResult(done, refused);
    }

    @Override
    public BulkResult setPublished(PortalUser actor, List<Long> datasetIds, boolean published) {
        Access.requireEdit(actor);
        int done = 0;
        List<Refusal> refused = new ArrayList<>();
        for (long id : distinct(datasetIds)) {
            try {
                Optional<Dataset> changed = registry.changes().write(c -> {
                    Optional<Dataset> d = publish(c, id, published);
                    if (d.isPresent()) {
                        registry.changes().entry(c, actor, "dataset", id, published ? "publish" : "unpublish",
                                d.get().identifier() + " «" + d.get().title() + "»");
                    }
                    return d;
                });
                if (changed.isPresent()) {
                    done++;
                }
            } catch (OpendataException e) {
                refused.add(new Refusal(id, title(id), e));
            }
        }
        return new BulkResult(done, refused);
    }

    /** Empty when the dataset already was as asked (nothing written). */
    private Optional<Dataset> publish(Connection c, long id, boolean published) throws SQLException {
        Dataset d = lockedDataset(c, id);
        if (d.published() == published) {
            return Optional.empty();
        }
        LocalDateTime first = d.firstPublishedAt() != null || !published ? d.firstPublishedAt()
                : registry.datasetStore().firstPublishedAt(d.lastModifiedAt());
        try (PreparedStatement ps = c.prepareStatement("UPDATE opendata.dataset SET published = ?, first_published_at = ?,"
                + " updated_at = now(), " + Versioned.BUMP + " WHERE id = ?")) {
            ps.setBoolean(1, published);
            ps.setObject(2, PassportTimes.stored(first, registry.settings().zone()), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
        return registry.datasetStore().dataset(c, id);
    }

    private String title(long id) {
        return registry.dataset(id).map(Dataset::title).orElse("#" + id);
    }

    private static List<Long> distinct(List<Long> ids) {
        return ids == null ? List.of() : List.copyOf(new LinkedHashSet<>(ids));
    }

    // =================================================================== data managers

    @Override
    public void deleteManager(PortalUser actor, long managerId) {
        Access.requireEdit(actor);
        DataManager m = registry.manager(managerId)
                .orElseThrow(() -> new OpendataException(NOT_FOUND, "opendata.error.notFound"));
        registry.changes().write(c -> {
            // locked, so no dataset or subordinate body is added to it meanwhile
            if (count(c, "SELECT count(*) FROM (SELECT 1 FROM opendata.data_manager WHERE id = ? FOR UPDATE) m",
                    managerId) == 0) {
                throw new OpendataException(NOT_FOUND, "opendata.error.notFound");
            }
            long datasets = count(c, "SELECT count(*) FROM opendata.dataset WHERE manager_id = ?", managerId);
            if (datasets > 0) {
                throw new OpendataException(CONFLICT, "opendata.error.deleteManagerDatasets", m.name(), datasets);
            }
            long children = count(c, "SELECT count(*) FROM opendata.data_manager WHERE parent_id = ?", managerId);
            if (children > 0) {
                throw new OpendataException(CONFLICT, "opendata.error.deleteManagerSubordinates", m.name(), children);
            }
            // then the records of other parts of the module (the audit's official requests)
            for (RegistryReferences r : references) {
                Optional<OpendataException> refusal = r.blocksManagerDeletion(managerId);
                if (refusal.isPresent()) {
                    throw refusal.get();
                }
            }
            // its obligations list goes with it (ON DELETE CASCADE)
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM opendata.data_manager WHERE id = ?")) {
                ps.setLong(1, managerId);
                ps.executeUpdate();
            }
            registry.changes().entry(c, actor, "data-manager", managerId, "delete",
                    m.name() + (m.edrpou() == null ? "" : " (ЄДРПОУ " + m.edrpou() + ")"));
            return null;
        });
    }

    private static long count(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
