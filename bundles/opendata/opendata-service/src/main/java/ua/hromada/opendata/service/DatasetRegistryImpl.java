package ua.hromada.opendata.service;

import static ua.hromada.portal.api.PortalException.Reason.INVALID;
import static ua.hromada.portal.api.PortalException.Reason.NOT_FOUND;

import java.io.InputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.DatasetQuery;
import ua.hromada.opendata.api.DatasetRegistry;
import ua.hromada.opendata.api.Obligation;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.RegistryListener;
import ua.hromada.opendata.api.Resource;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.audit.AuditLog;

/**
 * The registry over JDBC (schema {@code opendata}): the service's rights and rules, one transaction
 * per call with its audit entry inside it. The rows are kept by one store per aggregate
 * ({@link ManagerStore}, {@link DatasetStore}, {@link ObligationStore}, {@link RegistryResources});
 * the other components of the bundle (import, live datasets) use the stores on their own
 * connection, so an import commits all its rows in one transaction.
 */
@Component(service = {DatasetRegistry.class, DatasetRegistryImpl.class}, configurationPid = OpendataConfig.PID)
@Designate(ocd = OpendataConfig.class)
public class DatasetRegistryImpl implements DatasetRegistry {
    private static final int PAGE = 1000;

    private final OpendataDatabase db;
    private final OpendataSettings settings;
    private final RegistryChanges changes;
    private final ResourceStore store;
    private final ManagerStore managers = new ManagerStore();
    private final ObligationStore obligations = new ObligationStore();
    private final DatasetStore datasets;
    private final RegistryResources resources;

    @Activate
    public DatasetRegistryImpl(@Reference OpendataDatabase db, @Reference AuditLog audit, @Reference PortalSettings portal,
            OpendataConfig config) {
        this(db, audit, OpendataSettings.of(config, portal::timeZone));
    }

    DatasetRegistryImpl(OpendataDatabase db, AuditLog audit, OpendataSettings settings) {
        this.db = db;
        this.settings = settings;
        this.changes = new RegistryChanges(db, audit);
        this.store = new ResourceStore(settings.storageFolder());
        this.datasets = new DatasetStore(managers, obligations, settings);
        this.resources = new RegistryResources(db, settings, store, changes);
    }

    OpendataDatabase database() {
        return db;
    }

    OpendataSettings settings() {
        return settings;
    }

    RegistryChanges changes() {
        return changes;
    }

    ManagerStore managerStore() {
        return managers;
    }

    RegistryResources resources() {
        return resources;
    }

    DatasetStore datasetStore() {
        return datasets;
    }

    ObligationStore obligationStore() {
        return obligations;
    }

    ResourceStore store() {
        return store;
    }

    @Override
    public long maxUploadBytes() {
        return settings.maxUploadBytes();
    }

    @Override
    public PassportLimits limits() {
        return Rules.LIMITS;
    }

    @Reference(name = "listener", service = RegistryListener.class,
            cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "unbindListener")
    void bindListener(ComponentServiceObjects<RegistryListener> objects) {
        changes.bind(objects);
    }

    void unbindListener(ComponentServiceObjects<RegistryListener> objects) {
        changes.unbind(objects);
    }

    /** For tests and in-process callers: a listener object given directly. */
    void addListener(RegistryListener listener) {
        changes.addListener(listener);
    }

    void removeListener(RegistryListener listener) {
        changes.removeListener(listener);
    }

    // =================================================================== data managers

    @Override
    public List<DataManager> managers(PortalUser actor) {
        Access.requireView(actor);
        return db.read(managers::managers);
    }

    @Override
    public Optional<DataManager> manager(long id) {
        return db.read(c -> managers.manager(c, id));
    }

    @Override
    public DataManager saveManager(PortalUser actor, DataManager manager) {
        Access.requireEdit(actor);
        DataManager m = Rules.normalize(manager);
        throwFirst(Rules.check(m));
        return changes.write(c -> {
            DataManager saved = managers.saveManager(c, m, true);
            changes.entry(c, actor, "data-manager", saved.id(), manager.id() == 0 ? "create" : "update",
                    saved.name() + (saved.edrpou() == null ? "" : " (ЄДРПОУ " + saved.edrpou() + ")"));
            return saved;
        });
    }

    // =================================================================== datasets

    @Override
    public List<Dataset> datasets(PortalUser actor, DatasetQuery query) {
        Access.requireView(actor);
        return db.read(c -> datasets.find(c, query, query.published()));
    }

    @Override
    public long countDatasets(PortalUser actor, DatasetQuery query) {
        Access.requireView(actor);
        return db.read(c -> datasets.count(c, query, query.published()));
    }

    @Override
    public List<Dataset> published(DatasetQuery query) {
        return db.read(c -> datasets.find(c, query, Boolean.TRUE));
    }

    @Override
    public long countPublished(DatasetQuery query) {
        return db.read(c -> datasets.count(c, query, Boolean.TRUE));
    }

    @Override
    public List<TagCount> tags() {
        return db.read(datasets::tags);
    }

    @Override
    public Optional<Dataset> dataset(long id) {
        return db.read(c -> datasets.dataset(c, id));
    }

    @Override
    public Optional<Dataset> datasetByIdentifier(String identifier) {
        if (identifier == null) {
            return Optional.empty();
        }
        return db.read(c -> datasets.datasetByIdentifier(c, identifier));
    }

    @Override
    public void forEachDataset(Consumer<Dataset> consumer) {
        // pages by id so a long consumer (an audit) never holds one huge result in memory
        long after = 0;
        while (true) {
            final long from = after;
            List<Dataset> page = db.read(c -> datasets.after(c, from, PAGE));
            if (page.isEmpty()) {
                return;
            }
            page.forEach(consumer);
            after = page.get(page.size() - 1).id();
        }
    }

    @Override
    public Dataset saveDataset(PortalUser actor, Dataset dataset) {
        return saveDataset(actor, dataset, (c, saved) -> {
        });
    }

    /** What else a save writes about the saved dataset, in its transaction (a throw rolls the whole save back). */
    @FunctionalInterface
    interface AlsoWrite {
        void write(Connection c, Dataset saved) throws SQLException;
    }

    /** {@link #saveDataset(PortalUser, Dataset)} with {@code also} written in the same transaction. */
    Dataset saveDataset(PortalUser actor, Dataset dataset, AlsoWrite also) {
        Access.requireEdit(actor);
        Dataset d = Rules.normalize(dataset);
        throwFirst(Rules.check(d));
        return changes.write(c -> {
            Optional<Problem> problem = datasets.datasetConflict(c, d);
            if (problem.isPresent()) {
                throw problem.get().exception();
            }
            Dataset saved = datasets.writeDataset(c, d, null, true);
            changes.entry(c, actor, "dataset", saved.id(), dataset.id() == 0 ? "create" : "update",
                    saved.identifier() + " «" + saved.title() + "»" + (saved.published() ? " (оприлюднено)" : ""));
            also.write(c, saved);
            return saved;
        });
    }

    // =================================================================== resources (RegistryResources)

    @Override
    public List<Resource> resources(long datasetId) {
        return resources.resources(datasetId);
    }

    /** Every resource in id order (export). */
    List<Resource> allResources(Connection c) throws SQLException {
        return resources.allResources(c);
    }

    @Override
    public Optional<Resource> resource(long id) {
        return resources.resource(id);
    }

    @Override
    public Resource addLink(PortalUser actor, long datasetId, String name, String format, String url) {
        return resources.addLink(actor, datasetId, name, format, url);
    }

    @Override
    public Resource upload(PortalUser actor, long datasetId, String name, String format, String fileName, byte[] content) {
        return resources.upload(actor, datasetId, name, format, fileName, content);
    }

    long insertFile(Connection c, long datasetId, String name, String format, String fileName, long size, String sha,
            String providerFormat, Instant modified, String charset) throws SQLException {
        return resources.insertFile(c, datasetId, name, format, fileName, size, sha, providerFormat, modified, charset);
    }

    static String sha256(byte[] content) {
        return RegistryResources.sha256(content);
    }

    static MessageDigest digest() {
        return RegistryResources.digest();
    }

    @Override
    public Optional<InputStream> content(long resourceId) {
        return resources.content(resourceId);
    }

    @Override
    public void removeResource(PortalUser actor, long resourceId) {
        resources.removeResource(actor, resourceId);
    }

    // =================================================================== obligations

    @Override
    public List<Obligation> obligations() {
        List<Obligation> list = db.read(obligations::obligations);
        if (!list.isEmpty()) {
            return list;
        }
        // a community's first look at the list: it gets the national list
        return db.tx(c -> {
            obligations.seedNationalList(c);
            return obligations.obligations(c);
        });
    }

    @Override
    public Obligation saveObligation(PortalUser actor, Obligation obligation) {
        Access.requireEdit(actor);
        Obligation o = Rules.normalize(obligation);
        throwFirst(Rules.check(o));
        return changes.write(c -> {
            obligations.seedNationalList(c); // a community's own item comes after the national list
            Obligation saved = obligations.save(c, o);
            changes.entry(c, actor, "obligation", saved.id(), obligation.id() == 0 ? "create" : "update",
                    saved.code() + " «" + saved.title() + "»");
            return saved;
        });
    }

    @Override
    public List<Obligation> obligationsOf(long managerId) {
        return db.read(c -> obligations.obligationsOf(c, managerId));
    }

    @Override
    public void setObligations(PortalUser actor, long managerId, List<Long> obligationIds) {
        Access.requireEdit(actor);
        List<Long> ids = obligationIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(obligationIds));
        changes.write(c -> {
            if (managers.manager(c, managerId).isEmpty()) {
                throw new OpendataException(NOT_FOUND, "opendata.error.notFound");
            }
            for (long id : ids) {
                if (obligations.obligation(c, id).isEmpty()) {
                    throw new OpendataException(INVALID, "opendata.error.obligationUnknown");
                }
            }
            obligations.setObligations(c, managerId, ids);
            changes.entry(c, actor, "data-manager", managerId, "obligations", "пункти переліку: " + ids);
            return null;
        });
    }

    static void throwFirst(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw problems.get(0).exception();
        }
    }
}
