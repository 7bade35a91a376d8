package ua.hromada.opendata.service;

import static ua.hromada.portal.api.PortalException.Reason.CONFLICT;
import static ua.hromada.portal.api.PortalException.Reason.INVALID;
import static ua.hromada.portal.api.PortalException.Reason.NOT_FOUND;

import java.io.InputStream;
import java.security.MessageDigest;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.LoggerFactory;
import ua.hromada.opendata.api.RegistryListener;
import org.osgi.service.metatype.annotations.Designate;

import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.DatasetQuery;
import ua.hromada.opendata.api.Obligation;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.DatasetRegistry;
import ua.hromada.opendata.api.Resource;
import ua.hromada.opendata.api.StructureField;
import ua.hromada.opendata.api.UpdateFrequency;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.jdbc.Versioned;

/**
 * The registry over JDBC (schema {@code opendata}). One call is one transaction; the other
 * components of the bundle (import, live datasets) reuse the package-private methods that work on
 * a caller's connection, so an import commits all its rows in one transaction.
 */
@Component(service = {DatasetRegistry.class, DatasetRegistryImpl.class}, configurationPid = OpendataConfig.PID)
@Designate(ocd = OpendataConfig.class)
public class DatasetRegistryImpl implements DatasetRegistry {
    static final String MODULE = "opendata";

    private static final String DATASET_COLUMNS = "SELECT d.id, d.identifier, d.title, d.description, d.language,"
            + " d.formats, d.compression, d.first_published, d.last_modified, d.actuality_date, d.frequency, d.keywords,"
            + " d.links, d.responsible_person, d.responsible_email, d.legal_basis, d.purpose, d.manager_id,"
            + " m.name AS manager_name, d.tags, d.obligation_id, d.published, d.provider_module, d.updated_at, d.created_at,"
            + " d.version";
    private static final String DATASET = DATASET_COLUMNS
            + " FROM opendata.dataset d JOIN opendata.data_manager m ON m.id = d.manager_id";
    private static final String MANAGER = "SELECT m.id, m.name, m.edrpou, m.responsible_person, m.email, m.phone,"
            + " m.parent_id, p.name AS parent_name, m.version FROM opendata.data_manager m"
            + " LEFT JOIN opendata.data_manager p ON p.id = m.parent_id";

    private final OpendataDatabase db;
    private final AuditLog audit;
    private final OpendataSettings settings;
    private final ResourceStore store;
    private final RegistryResources resources;
    /**
     * Listener services are fetched when a change is told, not when bound: a listener such as the
     * publication both listens and needs this registry, and fetching it while this component
     * activates is a service cycle (Felix logged it at boot, now and then, and left it unbound).
     */
    private final Map<Object, Supplier<RegistryListener>> listeners = new ConcurrentHashMap<>();

    @Activate
    public DatasetRegistryImpl(@Reference OpendataDatabase db, @Reference AuditLog audit, OpendataConfig config) {
        this(db, audit, OpendataSettings.of(config));
    }

    DatasetRegistryImpl(OpendataDatabase db, AuditLog audit, OpendataSettings settings) {
        this.db = db;
        this.audit = audit;
        this.settings = settings;
        this.store = new ResourceStore(settings.storageFolder());
        this.resources = new RegistryResources(db, settings, store, this);
    }

    OpendataDatabase database() {
        return db;
    }

    @Override
    public long maxUploadBytes() {
        return settings.maxUploadBytes();
    }

    OpendataSettings settings() {
        return settings;
    }

    /** Every change is recorded after its commit: the audit log, then the registry's listeners. */
    void record(PortalUser actor, String entityType, long id, String action, String changes) {
        audit.record(actor == null ? "system" : actor.username(), MODULE, entityType, Long.toString(id), action, changes);
        for (Supplier<RegistryListener> lookup : listeners.values()) {
            RegistryListener listener = null;
            try {
                listener = lookup.get();
                if (listener != null) {
                    listener.registryChanged();
                }
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(DatasetRegistryImpl.class).warn("Registry listener {} failed",
                        listener == null ? "(not available)" : listener.getClass().getName(), e);
            }
        }
    }

    @Reference(name = "listener", service = RegistryListener.class,
            cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "unbindListener")
    void bindListener(ComponentServiceObjects<RegistryListener> objects) {
        listeners.put(objects, new BoundListener(objects));
    }

    void unbindListener(ComponentServiceObjects<RegistryListener> objects) {
        if (listeners.remove(objects) instanceof BoundListener bound) {
            bound.release();
        }
    }

    /** A bound listener service: its object taken on first use, given back on unbind. */
    private static final class BoundListener implements Supplier<RegistryListener> {
        private final ComponentServiceObjects<RegistryListener> objects;
        private RegistryListener taken;

        BoundListener(ComponentServiceObjects<RegistryListener> objects) {
            this.objects = objects;
        }

        @Override
        public synchronized RegistryListener get() {
            if (taken == null) {
                taken = objects.getService();
            }
            return taken;
        }

        synchronized void release() {
            if (taken != null) {
                try {
                    objects.ungetService(taken);
                } catch (IllegalStateException | IllegalArgumentException e) {
                    // the listener's bundle or this component is already gone: nothing to give back
                }
                taken = null;
            }
        }
    }

    /** For tests and in-process callers: a listener object given directly. */
    void addListener(RegistryListener listener) {
        listeners.put(listener, () -> listener);
    }

    void removeListener(RegistryListener listener) {
        listeners.remove(listener);
    }

    // =================================================================== data managers

    @Override
    public List<DataManager> managers(PortalUser actor) {
        Access.requireView(actor);
        return db.read(this::managers);
    }

    List<DataManager> managers(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(MANAGER + " ORDER BY m.name, m.id")) {
            return managerList(ps);
        }
    }

    @Override
    public Optional<DataManager> manager(long id) {
        return db.read(c -> manager(c, id));
    }

    Optional<DataManager> manager(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(MANAGER + " WHERE m.id = ?")) {
            ps.setLong(1, id);
            return managerList(ps).stream().findFirst();
        }
    }

    Optional<DataManager> managerByEdrpou(Connection c, String edrpou) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(MANAGER + " WHERE m.edrpou = ?")) {
            ps.setString(1, edrpou);
            return managerList(ps).stream().findFirst();
        }
    }

    Optional<DataManager> managerByName(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(MANAGER + " WHERE lower(m.name) = lower(?)")) {
            ps.setString(1, name.strip());
            return managerList(ps).stream().findFirst();
        }
    }

    private static List<DataManager> managerList(PreparedStatement ps) throws SQLException {
        List<DataManager> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long parent = rs.getLong("parent_id");
                Long parentId = rs.wasNull() ? null : parent;
                out.add(new DataManager(rs.getLong("id"), rs.getString("name"), rs.getString("edrpou"),
                        rs.getString("responsible_person"), rs.getString("email"), rs.getString("phone"), parentId,
                        rs.getString("parent_name"), rs.getLong("version")));
            }
        }
        return out;
    }

    @Override
    public DataManager saveManager(PortalUser actor, DataManager manager) {
        Access.requireEdit(actor);
        DataManager m = Rules.normalize(manager);
        throwFirst(Rules.check(m));
        DataManager saved = db.tx(c -> saveManager(c, m, true));
        record(actor, "data-manager", saved.id(), manager.id() == 0 ? "create" : "update",
                saved.name() + (saved.edrpou() == null ? "" : " (ЄДРПОУ " + saved.edrpou() + ")"));
        return saved;
    }

    /**
     * A normalized and checked manager: the database rules (unique, parent) and the write; with
     * {@code checkVersion} an update must match the version the manager was read with.
     */
    DataManager saveManager(Connection c, DataManager m, boolean checkVersion) throws SQLException {
        if (m.id() != 0 && checkVersion && !Versioned.lock(c, "opendata.data_manager", m.id(), m.version())) {
            throw new OpendataException(NOT_FOUND, "opendata.error.notFound");
        }
        Optional<Problem> conflict = managerConflict(c, m);
        if (conflict.isPresent()) {
            throw conflict.get().exception();
        }
        if (m.parentId() != null) {
            if (manager(c, m.parentId()).isEmpty()) {
                throw new OpendataException(INVALID, "opendata.error.parentUnknown");
            }
            // the new parent must not be the manager itself or one of its subordinates
            Long p = m.parentId();
            while (p != null && m.id() != 0) {
                if (p == m.id()) {
                    throw new OpendataException(INVALID, "opendata.error.parentCycle");
                }
                p = manager(c, p).map(DataManager::parentId).orElse(null);
            }
        }
        long id = insertOrUpdate(c, m.id(), "INSERT INTO opendata.data_manager"
                + " (name, edrpou, responsible_person, email, phone, parent_id) VALUES (?,?,?,?,?,?) RETURNING id",
                "UPDATE opendata.data_manager SET name = ?, edrpou = ?, responsible_person = ?, email = ?, phone = ?,"
                        + " parent_id = ?, " + Versioned.BUMP + " WHERE id = ?",
                ps -> bindManager(ps, m));
        return manager(c, id).orElseThrow();
    }

    /** Another manager with the same name or ЄДРПОУ. */
    Optional<Problem> managerConflict(Connection c, DataManager m) throws SQLException {
        if (m.edrpou() != null) {
            Optional<DataManager> same = managerByEdrpou(c, m.edrpou());
            if (same.isPresent() && same.get().id() != m.id()) {
                return Optional.of(new Problem(CONFLICT, "opendata.error.edrpouTaken", m.edrpou(), same.get().name()));
            }
        }
        if (m.name() != null) {
            Optional<DataManager> same = managerByName(c, m.name());
            if (same.isPresent() && same.get().id() != m.id()) {
                return Optional.of(new Problem(CONFLICT, "opendata.error.managerNameTaken", m.name()));
            }
        }
        return Optional.empty();
    }

    private static int bindManager(PreparedStatement ps, DataManager m) throws SQLException {
        ps.setString(1, m.name());
        ps.setString(2, m.edrpou());
        ps.setString(3, m.responsiblePerson());
        ps.setString(4, m.email());
        ps.setString(5, m.phone());
        if (m.parentId() == null) {
            ps.setNull(6, Types.BIGINT);
        } else {
            ps.setLong(6, m.parentId());
        }
        return 7;
    }

    /** Sets a row's fields from parameter 1 on; returns the next parameter's index. */
    private interface RowFields {
        int bind(PreparedStatement ps) throws SQLException;
    }

    /**
     * Inserts the row when {@code id} is 0 (the insert returns the new id), else updates it (the id
     * bound after the fields); a row gone meanwhile is "not found". Returns the row's id.
     */
    private static long insertOrUpdate(Connection c, long id, String insert, String update, RowFields fields)
            throws SQLException {
        if (id == 0) {
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                fields.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(update)) {
            ps.setLong(fields.bind(ps), id);
            if (ps.executeUpdate() == 0) {
                throw new OpendataException(NOT_FOUND, "opendata.error.notFound");
            }
        }
        return id;
    }

    // =================================================================== datasets

    @Override
    public List<Dataset> datasets(PortalUser actor, DatasetQuery query) {
        Access.requireView(actor);
        return db.read(c -> find(c, query, query.published()));
    }

    @Override
    public long countDatasets(PortalUser actor, DatasetQuery query) {
        Access.requireView(actor);
        return db.read(c -> count(c, query, query.published()));
    }

    @Override
    public List<Dataset> published(DatasetQuery query) {
        return db.read(c -> find(c, query, Boolean.TRUE));
    }

    @Override
    public long countPublished(DatasetQuery query) {
        return db.read(c -> count(c, query, Boolean.TRUE));
    }

    @Override
    public List<TagCount> tags() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT t.tag, count(*) FROM opendata.dataset d,"
                    + " unnest(d.tags) AS t(tag) WHERE d.published GROUP BY t.tag ORDER BY count(*) DESC, t.tag");
                    ResultSet rs = ps.executeQuery()) {
                List<TagCount> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new TagCount(rs.getString(1), rs.getLong(2)));
                }
                return out;
            }
        });
    }

    private List<Dataset> find(Connection c, DatasetQuery q, Boolean published) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = where(q, published, params);
        // the page is cut first and only its rows are joined to their manager: a search matching
        // thousands of rows never joins them all (the planner misjudges LIKE '%word%' selectivity)
        try (PreparedStatement ps = c.prepareStatement(DATASET_COLUMNS + " FROM (SELECT * FROM opendata.dataset d" + where
                + " ORDER BY d.title, d.id LIMIT ? OFFSET ?) d JOIN opendata.data_manager m ON m.id = d.manager_id"
                + " ORDER BY d.title, d.id")) {
            int i = bind(c, ps, params);
            ps.setInt(i++, q.limit());
            ps.setInt(i, q.offset());
            return datasetList(c, ps);
        }
    }

    private long count(Connection c, DatasetQuery q, Boolean published) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = where(q, published, params);
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM opendata.dataset d" + where)) {
            bind(c, ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The filters as SQL over the indexes: trigram LIKE per word, GIN containment for tags and formats. */
    private static String where(DatasetQuery q, Boolean published, List<Object> params) {
        List<String> cond = new ArrayList<>();
        for (String word : words(q.text())) {
            cond.add("d.search_text LIKE ?");
            params.add("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (q.managerId() != null) {
            cond.add("d.manager_id = ?");
            params.add(q.managerId());
        }
        if (q.tag() != null && !q.tag().isBlank()) {
            cond.add("d.tags @> ?");
            params.add(new String[] {q.tag().strip()});
        }
        if (q.format() != null && !q.format().isBlank()) {
            cond.add("d.formats @> ?");
            params.add(new String[] {Rules.format(q.format())});
        }
        if (published != null) {
            cond.add(published ? "d.published" : "NOT d.published");
        }
        if (q.frequency() != null) {
            cond.add("d.frequency = ?");
            params.add(q.frequency().name());
        }
        return cond.isEmpty() ? "" : " WHERE " + String.join(" AND ", cond);
    }

    static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[\\s,;]+")) {
            if (!w.isBlank()) {
                out.add(w);
            }
        }
        return List.copyOf(out);
    }

    private static int bind(Connection c, PreparedStatement ps, List<Object> params) throws SQLException {
        int i = 1;
        for (Object p : params) {
            if (p instanceof String[] arr) {
                ps.setArray(i++, c.createArrayOf("text", arr));
            } else if (p instanceof Long l) {
                ps.setLong(i++, l);
            } else {
                ps.setString(i++, (String) p);
            }
        }
        return i;
    }

    @Override
    public Optional<Dataset> dataset(long id) {
        return db.read(c -> dataset(c, id));
    }

    Optional<Dataset> dataset(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(DATASET + " WHERE d.id = ?")) {
            ps.setLong(1, id);
            return datasetList(c, ps).stream().findFirst();
        }
    }

    @Override
    public Optional<Dataset> datasetByIdentifier(String identifier) {
        if (identifier == null) {
            return Optional.empty();
        }
        return db.read(c -> datasetByIdentifier(c, identifier));
    }

    Optional<Dataset> datasetByIdentifier(Connection c, String identifier) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(DATASET + " WHERE d.identifier = ?")) {
            ps.setString(1, identifier.strip().toLowerCase(Locale.ROOT));
            return datasetList(c, ps).stream().findFirst();
        }
    }

    @Override
    public void forEachDataset(Consumer<Dataset> consumer) {
        // pages by id so a long consumer (an audit) never holds one huge result in memory
        long after = 0;
        while (true) {
            final long from = after;
            List<Dataset> page = db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement(DATASET + " WHERE d.id > ? ORDER BY d.id LIMIT 1000")) {
                    ps.setLong(1, from);
                    return datasetList(c, ps);
                }
            });
            if (page.isEmpty()) {
                return;
            }
            page.forEach(consumer);
            after = page.get(page.size() - 1).id();
        }
    }

    private List<Dataset> datasetList(Connection c, PreparedStatement ps) throws SQLException {
        List<Dataset> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(dataset(rs, List.of()));
            }
        }
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<StructureField>> fields = structure(c, rows.stream().map(Dataset::id).toArray(Long[]::new));
        if (fields.isEmpty()) {
            return rows;
        }
        List<Dataset> out = new ArrayList<>(rows.size());
        for (Dataset d : rows) {
            List<StructureField> f = fields.get(d.id());
            out.add(f == null ? d : withStructure(d, f));
        }
        return out;
    }

    private static Map<Long, List<StructureField>> structure(Connection c, Long[] ids) throws SQLException {
        Map<Long, List<StructureField>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT dataset_id, name, title, type, required"
                + " FROM opendata.structure_field WHERE dataset_id = ANY (?) ORDER BY dataset_id, position")) {
            ps.setArray(1, c.createArrayOf("bigint", ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new StructureField(rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getBoolean(5)));
                }
            }
        }
        return out;
    }

    private static Dataset dataset(ResultSet rs, List<StructureField> structure) throws SQLException {
        long obligation = rs.getLong("obligation_id");
        Long obligationId = rs.wasNull() ? null : obligation;
        return new Dataset(rs.getLong("id"), rs.getString("identifier"), rs.getString("title"),
                rs.getString("description"), rs.getString("language"), list(rs.getArray("formats")),
                rs.getString("compression"), date(rs, "first_published"), date(rs, "last_modified"),
                date(rs, "actuality_date"), UpdateFrequency.valueOf(rs.getString("frequency")),
                list(rs.getArray("keywords")), list(rs.getArray("links")), rs.getString("responsible_person"),
                rs.getString("responsible_email"), rs.getString("legal_basis"), rs.getString("purpose"),
                rs.getLong("manager_id"), rs.getString("manager_name"), list(rs.getArray("tags")), structure,
                obligationId, rs.getBoolean("published"), rs.getString("provider_module"),
                rs.getTimestamp("updated_at").toInstant(), rs.getTimestamp("created_at").toInstant(), rs.getLong("version"));
    }

    static Dataset withStructure(Dataset d, List<StructureField> f) {
        return new Dataset(d.id(), d.identifier(), d.title(), d.description(), d.language(), d.formats(),
                d.compression(), d.firstPublished(), d.lastModified(), d.actualityDate(), d.frequency(), d.keywords(),
                d.links(), d.responsiblePerson(), d.responsibleEmail(), d.legalBasis(), d.purpose(), d.managerId(),
                d.managerName(), d.tags(), f, d.obligationId(), d.published(), d.providerModule(), d.updatedAt(),
                d.createdAt(), d.version());
    }

    private static List<String> list(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    @Override
    public Dataset saveDataset(PortalUser actor, Dataset dataset) {
        Access.requireEdit(actor);
        Dataset d = Rules.normalize(dataset);
        throwFirst(Rules.check(d));
        Dataset saved = db.tx(c -> {
            Optional<Problem> problem = datasetConflict(c, d);
            if (problem.isPresent()) {
                throw problem.get().exception();
            }
            return writeDataset(c, d, null, true);
        });
        record(actor, "dataset", saved.id(), dataset.id() == 0 ? "create" : "update",
                saved.identifier() + " «" + saved.title() + "»" + (saved.published() ? " (оприлюднено)" : ""));
        return saved;
    }

    /** The database rules of a normalized dataset: its manager and obligation exist, its identifier is free. */
    Optional<Problem> datasetConflict(Connection c, Dataset d) throws SQLException {
        if (d.managerId() > 0 && manager(c, d.managerId()).isEmpty()) {
            return Optional.of(Problem.invalid("opendata.error.managerUnknown", d.managerName() == null ? "" : d.managerName()));
        }
        if (d.obligationId() != null && obligation(c, d.obligationId()).isEmpty()) {
            return Optional.of(Problem.invalid("opendata.error.obligationUnknown"));
        }
        Optional<Dataset> same = datasetByIdentifier(c, d.identifier());
        if (same.isPresent() && same.get().id() != d.id()) {
            return Optional.of(new Problem(CONFLICT, "opendata.error.identifierTaken", d.identifier()));
        }
        return Optional.empty();
    }

    /**
     * Inserts (id 0) or updates a normalized, checked dataset and its structure. The provider module
     * is kept as stored unless {@code providerModule} is given (live datasets only). With
     * {@code checkVersion} (a form's save) an update must match the version the dataset was read
     * with. An update equal to the stored passport writes nothing: its dates and version stay, so
     * a re-import of an unchanged export does not make harvesters fetch everything again.
     * A published dataset without a first-publication date gets today (or its last change, when
     * earlier), once.
     */
    Dataset writeDataset(Connection c, Dataset given, String providerModule, boolean checkVersion) throws SQLException {
        Dataset d = given;
        if (d.id() != 0) {
            if (checkVersion ? !Versioned.lock(c, TABLE_DATASET, d.id(), d.version())
                    : !Versioned.lock(c, TABLE_DATASET, d.id(), currentVersion(c, d.id()))) {
                throw new OpendataException(NOT_FOUND, "opendata.error.notFound");
            }
            Dataset stored = dataset(c, d.id()).orElseThrow();
            d = firstPublication(d, stored.firstPublished());
            if (DatasetChanges.same(stored, d)) {
                return stored;
            }
        } else {
            d = firstPublication(d, null);
        }
        String search = String.join(" ", d.identifier(), d.title(), d.description() == null ? "" : d.description(),
                String.join(" ", d.keywords())).toLowerCase(Locale.ROOT);
        long id = d.id();
        if (id == 0) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO opendata.dataset (identifier, title, description,"
                    + " language, formats, compression, first_published, last_modified, actuality_date, frequency, keywords,"
                    + " links, responsible_person, responsible_email, legal_basis, purpose, manager_id, tags, obligation_id,"
                    + " published, search_text, provider_module, provider_live, updated_at)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?, now()) RETURNING id")) {
                int i = bindDataset(c, ps, d, search);
                ps.setString(i++, providerModule);
                ps.setBoolean(i, providerModule != null);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement("UPDATE opendata.dataset SET identifier = ?, title = ?,"
                    + " description = ?, language = ?, formats = ?, compression = ?, first_published = ?, last_modified = ?,"
                    + " actuality_date = ?, frequency = ?, keywords = ?, links = ?, responsible_person = ?,"
                    + " responsible_email = ?, legal_basis = ?, purpose = ?, manager_id = ?, tags = ?, obligation_id = ?,"
                    + " published = ?, search_text = ?, updated_at = now(), " + Versioned.BUMP + " WHERE id = ?")) {
                int i = bindDataset(c, ps, d, search);
                ps.setLong(i, id);
                if (ps.executeUpdate() == 0) {
                    throw new OpendataException(NOT_FOUND, "opendata.error.notFound");
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM opendata.structure_field WHERE dataset_id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
        }
        if (!d.structure().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO opendata.structure_field"
                    + " (dataset_id, position, name, title, type, required) VALUES (?,?,?,?,?,?)")) {
                int position = 0;
                for (StructureField f : d.structure()) {
                    ps.setLong(1, id);
                    ps.setInt(2, position++);
                    ps.setString(3, f.name());
                    ps.setString(4, f.title());
                    ps.setString(5, f.type());
                    ps.setBoolean(6, f.required());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        return dataset(c, id).orElseThrow();
    }

    private static int bindDataset(Connection c, PreparedStatement ps, Dataset d, String search) throws SQLException {
        int i = 1;
        ps.setString(i++, d.identifier());
        ps.setString(i++, d.title());
        ps.setString(i++, d.description());
        ps.setString(i++, d.language());
        ps.setArray(i++, c.createArrayOf("text", d.formats().toArray()));
        ps.setString(i++, d.compression());
        ps.setObject(i++, d.firstPublished(), Types.DATE);
        ps.setObject(i++, d.lastModified(), Types.DATE);
        ps.setObject(i++, d.actualityDate(), Types.DATE);
        ps.setString(i++, d.frequency().name());
        ps.setArray(i++, c.createArrayOf("text", d.keywords().toArray()));
        ps.setArray(i++, c.createArrayOf("text", d.links().toArray()));
        ps.setString(i++, d.responsiblePerson());
        ps.setString(i++, d.responsibleEmail());
        ps.setString(i++, d.legalBasis());
        ps.setString(i++, d.purpose());
        ps.setLong(i++, d.managerId());
        ps.setArray(i++, c.createArrayOf("text", d.tags().toArray()));
        if (d.obligationId() == null) {
            ps.setNull(i++, Types.BIGINT);
        } else {
            ps.setLong(i++, d.obligationId());
        }
        ps.setBoolean(i++, d.published());
        ps.setString(i++, search);
        return i;
    }

    static final String TABLE_DATASET = "opendata.dataset";

    private static long currentVersion(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM opendata.dataset WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new OpendataException(NOT_FOUND, "opendata.error.notFound");
                }
                return rs.getLong(1);
            }
        }
    }

    /** Publishing fills an empty first-publication date: the stored one, else today or the last change if earlier. */
    private Dataset firstPublication(Dataset d, LocalDate stored) {
        if (!d.published() || d.firstPublished() != null) {
            return d;
        }
        LocalDate today = LocalDate.now(settings.zone());
        LocalDate first = stored != null ? stored
                : d.lastModified() != null && d.lastModified().isBefore(today) ? d.lastModified() : today;
        return d.withPublication(true, first, d.lastModified());
    }

    // =================================================================== resources (RegistryResources)

    @Override
    public List<Resource> resources(long datasetId) {
        return resources.resources(datasetId);
    }

    List<Resource> resources(Connection c, long datasetId) throws SQLException {
        return resources.resources(c, datasetId);
    }

    /** Every resource in id order (export). */
    List<Resource> allResources(Connection c) throws SQLException {
        return resources.allResources(c);
    }

    @Override
    public Optional<Resource> resource(long id) {
        return resources.resource(id);
    }

    Optional<Resource> resource(Connection c, long id) throws SQLException {
        return resources.resource(c, id);
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

    ResourceStore store() {
        return store;
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
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, code, title, description, legal_basis FROM opendata.obligation ORDER BY id")) {
                return obligationList(ps);
            }
        });
    }

    Optional<Obligation> obligation(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, code, title, description, legal_basis FROM opendata.obligation WHERE id = ?")) {
            ps.setLong(1, id);
            return obligationList(ps).stream().findFirst();
        }
    }

    Optional<Obligation> obligationByCode(Connection c, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, code, title, description, legal_basis FROM opendata.obligation WHERE code = ?")) {
            ps.setString(1, code.strip().toLowerCase(Locale.ROOT));
            return obligationList(ps).stream().findFirst();
        }
    }

    private static List<Obligation> obligationList(PreparedStatement ps) throws SQLException {
        List<Obligation> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Obligation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
            }
        }
        return out;
    }

    @Override
    public Obligation saveObligation(PortalUser actor, Obligation obligation) {
        Access.requireEdit(actor);
        Obligation o = Rules.normalize(obligation);
        throwFirst(Rules.check(o));
        Obligation saved = db.tx(c -> {
            Optional<Obligation> same = obligationByCode(c, o.code());
            if (same.isPresent() && same.get().id() != o.id()) {
                throw new OpendataException(CONFLICT, "opendata.error.obligationCodeTaken", o.code());
            }
            long id = insertOrUpdate(c, o.id(), "INSERT INTO opendata.obligation"
                    + " (code, title, description, legal_basis) VALUES (?,?,?,?) RETURNING id",
                    "UPDATE opendata.obligation SET code = ?, title = ?, description = ?, legal_basis = ? WHERE id = ?",
                    ps -> bindObligation(ps, o));
            return obligation(c, id).orElseThrow();
        });
        record(actor, "obligation", saved.id(), obligation.id() == 0 ? "create" : "update",
                saved.code() + " «" + saved.title() + "»");
        return saved;
    }

    private static int bindObligation(PreparedStatement ps, Obligation o) throws SQLException {
        ps.setString(1, o.code());
        ps.setString(2, o.title());
        ps.setString(3, o.description());
        ps.setString(4, o.legalBasis());
        return 5;
    }

    @Override
    public List<Obligation> obligationsOf(long managerId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT o.id, o.code, o.title, o.description, o.legal_basis"
                    + " FROM opendata.obligation o JOIN opendata.manager_obligation mo ON mo.obligation_id = o.id"
                    + " WHERE mo.manager_id = ? ORDER BY o.id")) {
                ps.setLong(1, managerId);
                return obligationList(ps);
            }
        });
    }

    @Override
    public void setObligations(PortalUser actor, long managerId, List<Long> obligationIds) {
        Access.requireEdit(actor);
        List<Long> ids = obligationIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(obligationIds));
        db.tx(c -> {
            if (manager(c, managerId).isEmpty()) {
                throw new OpendataException(NOT_FOUND, "opendata.error.notFound");
            }
            for (long id : ids) {
                if (obligation(c, id).isEmpty()) {
                    throw new OpendataException(INVALID, "opendata.error.obligationUnknown");
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM opendata.manager_obligation WHERE manager_id = ?")) {
                ps.setLong(1, managerId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO opendata.manager_obligation (manager_id, obligation_id) VALUES (?, ?)")) {
                for (long id : ids) {
                    ps.setLong(1, managerId);
                    ps.setLong(2, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
        record(actor, "data-manager", managerId, "obligations", "пункти переліку: " + ids);
    }

    // =================================================================== helpers

    static void throwFirst(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw problems.get(0).exception();
        }
    }
}
