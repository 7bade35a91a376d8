package ua.hromada.opendata.service;

import static ua.hromada.portal.api.PortalException.Reason.CONFLICT;
import static ua.hromada.portal.api.PortalException.Reason.NOT_FOUND;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.DatasetQuery;
import ua.hromada.opendata.api.DatasetRegistry.TagCount;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.StructureField;
import ua.hromada.opendata.api.UpdateFrequency;
import ua.hromada.portal.api.jdbc.SqlCondition;
import ua.hromada.portal.api.jdbc.Statements;
import ua.hromada.portal.api.jdbc.Versioned;

/**
 * The datasets' rows (tables {@code opendata.dataset} and {@code opendata.structure_field}) on the
 * caller's connection: searching, reading by id or identifier, and writing a checked passport.
 */
final class DatasetStore {
    private static final String DATASET_COLUMNS = "SELECT d.id, d.identifier, d.title, d.description, d.language,"
            + " d.formats, d.compression, d.first_published_at, d.last_modified_at, d.actuality_date, d.frequency, d.keywords,"
            + " d.links, d.responsible_person, d.responsible_email, d.legal_basis, d.purpose, d.manager_id,"
            + " m.name AS manager_name, d.tags, d.obligation_id, d.published, d.provider_module, d.updated_at, d.created_at,"
            + " d.version";
    private static final String DATASET = DATASET_COLUMNS
            + " FROM opendata.dataset d JOIN opendata.data_manager m ON m.id = d.manager_id";
    static final String TABLE_DATASET = "opendata.dataset";

    private final ManagerStore managers;
    private final ObligationStore obligations;
    /** The community's time zone (the passport's dates and times) and its "now" (a first publication's). */
    private final OpendataSettings settings;

    DatasetStore(ManagerStore managers, ObligationStore obligations, OpendataSettings settings) {
        this.managers = managers;
        this.obligations = obligations;
        this.settings = settings;
    }

    List<TagCount> tags(Connection c) throws SQLException {
        return Statements.list(c, "SELECT t.tag, count(*) FROM opendata.dataset d,"
                + " unnest(d.tags) AS t(tag) WHERE d.published GROUP BY t.tag ORDER BY count(*) DESC, t.tag",
                rs -> new TagCount(rs.getString(1), rs.getLong(2)));
    }

    List<Dataset> find(Connection c, DatasetQuery q, Boolean published) throws SQLException {
        SqlCondition where = where(q, published);
        // the page is cut first and only its rows are joined to their manager: a search matching
        // thousands of rows never joins them all (the planner misjudges LIKE '%word%' selectivity)
        try (PreparedStatement ps = c.prepareStatement(DATASET_COLUMNS + " FROM (SELECT * FROM opendata.dataset d" + where.where()
                + " ORDER BY d.title, d.id LIMIT ? OFFSET ?) d JOIN opendata.data_manager m ON m.id = d.manager_id"
                + " ORDER BY d.title, d.id")) {
            int i = bind(c, ps, where);
            ps.setInt(i++, q.limit());
            ps.setInt(i, q.offset());
            return datasetList(c, ps);
        }
    }

    long count(Connection c, DatasetQuery q, Boolean published) throws SQLException {
        SqlCondition where = where(q, published);
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM opendata.dataset d" + where.where())) {
            bind(c, ps, where);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The filters as SQL over the indexes: trigram LIKE per word, GIN containment for tags and formats. */
    private static SqlCondition where(DatasetQuery q, Boolean published) {
        SqlCondition.Builder w = SqlCondition.builder();
        for (String word : words(q.text())) {
            w.and("d.search_text LIKE ?", Statements.containing(word));
        }
        if (q.managerId() != null) {
            w.and("d.manager_id = ?", q.managerId());
        }
        if (q.tag() != null && !q.tag().isBlank()) {
            w.and("d.tags @> ?", (Object) new String[] {q.tag().strip()});
        }
        if (q.format() != null && !q.format().isBlank()) {
            w.and("d.formats @> ?", (Object) new String[] {Rules.format(q.format())});
        }
        if (published != null) {
            w.and(published ? "d.published" : "NOT d.published");
        }
        if (q.frequency() != null) {
            w.and("d.frequency = ?", q.frequency().name());
        }
        return w.build();
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

    /** As {@link SqlCondition#bind} from 1, a tag or format array as PostgreSQL's text[] (the columns' type). */
    private static int bind(Connection c, PreparedStatement ps, SqlCondition where) throws SQLException {
        int i = 1;
        for (Object p : where.params()) {
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

    Optional<Dataset> dataset(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(DATASET + " WHERE d.id = ?")) {
            ps.setLong(1, id);
            return datasetList(c, ps).stream().findFirst();
        }
    }

    Optional<Dataset> datasetByIdentifier(Connection c, String identifier) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(DATASET + " WHERE d.identifier = ?")) {
            ps.setString(1, identifier.strip().toLowerCase(Locale.ROOT));
            return datasetList(c, ps).stream().findFirst();
        }
    }

    /** The dataset exists, else "not found"; {@code forUpdate} locks its row until the transaction ends. */
    static void requireDataset(Connection c, long id, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM opendata.dataset WHERE id = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new OpendataException(NOT_FOUND, "opendata.error.notFound");
                }
            }
        }
    }

    /** A page of datasets in id order after the given id (for a walk over the whole registry). */
    List<Dataset> after(Connection c, long after, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(DATASET + " WHERE d.id > ? ORDER BY d.id LIMIT ?")) {
            ps.setLong(1, after);
            ps.setInt(2, limit);
            return datasetList(c, ps);
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

    private Dataset dataset(ResultSet rs, List<StructureField> structure) throws SQLException {
        var zone = settings.zone();
        long obligation = rs.getLong("obligation_id");
        Long obligationId = rs.wasNull() ? null : obligation;
        return new Dataset(rs.getLong("id"), rs.getString("identifier"), rs.getString("title"),
                rs.getString("description"), rs.getString("language"), list(rs.getArray("formats")),
                rs.getString("compression"), PassportTimes.read(rs, "first_published_at", zone),
                PassportTimes.read(rs, "last_modified_at", zone),
                date(rs, "actuality_date"), UpdateFrequency.valueOf(rs.getString("frequency")),
                list(rs.getArray("keywords")), list(rs.getArray("links")), rs.getString("responsible_person"),
                rs.getString("responsible_email"), rs.getString("legal_basis"), rs.getString("purpose"),
                rs.getLong("manager_id"), rs.getString("manager_name"), list(rs.getArray("tags")), structure,
                obligationId, rs.getBoolean("published"), rs.getString("provider_module"),
                rs.getTimestamp("updated_at").toInstant(), rs.getTimestamp("created_at").toInstant(), rs.getLong("version"));
    }

    static Dataset withStructure(Dataset d, List<StructureField> f) {
        return new Dataset(d.id(), d.identifier(), d.title(), d.description(), d.language(), d.formats(),
                d.compression(), d.firstPublishedAt(), d.lastModifiedAt(), d.actualityDate(), d.frequency(), d.keywords(),
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

    /** The database rules of a normalized dataset: its manager and obligation exist, its identifier is free. */
    Optional<Problem> datasetConflict(Connection c, Dataset d) throws SQLException {
        if (d.managerId() > 0 && managers.manager(c, d.managerId()).isEmpty()) {
            return Optional.of(Problem.invalid("opendata.error.managerUnknown", d.managerName() == null ? "" : d.managerName()));
        }
        if (d.obligationId() != null && obligations.obligation(c, d.obligationId()).isEmpty()) {
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
            d = firstPublication(d, stored.firstPublishedAt());
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
                    + " language, formats, compression, first_published_at, last_modified_at, actuality_date, frequency, keywords,"
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
                    + " description = ?, language = ?, formats = ?, compression = ?, first_published_at = ?, last_modified_at = ?,"
                    + " actuality_date = ?, frequency = ?, keywords = ?, links = ?, responsible_person = ?,"
                    + " responsible_email = ?, legal_basis = ?, purpose = ?, manager_id = ?, tags = ?, obligation_id = ?,"
                    + " published = ?, search_text = ?, updated_at = now(), " + Versioned.BUMP + " WHERE id = ?")) {
                int i = bindDataset(c, ps, d, search);
                ps.setLong(i, id);
                if (ps.executeUpdate() == 0) {
                    throw new OpendataException(NOT_FOUND, "opendata.error.notFound");
                }
            }
            Statements.update(c, "DELETE FROM opendata.structure_field WHERE dataset_id = ?", id);
        }
        if (!d.structure().isEmpty()) {
            long datasetId = id;
            List<StructureField> fields = d.structure();
            // a field's position is its index in the passport's list
            Statements.batch(c, "INSERT INTO opendata.structure_field (dataset_id, position, name, title, type, required)"
                    + " VALUES (?,?,?,?,?,?)", IntStream.range(0, fields.size()).boxed().toList(), (ps, position) -> {
                        StructureField f = fields.get(position);
                        ps.setLong(1, datasetId);
                        ps.setInt(2, position);
                        ps.setString(3, f.name());
                        ps.setString(4, f.title());
                        ps.setString(5, f.type());
                        ps.setBoolean(6, f.required());
                    });
        }
        return dataset(c, id).orElseThrow();
    }

    private int bindDataset(Connection c, PreparedStatement ps, Dataset d, String search) throws SQLException {
        int i = 1;
        ps.setString(i++, d.identifier());
        ps.setString(i++, d.title());
        ps.setString(i++, d.description());
        ps.setString(i++, d.language());
        ps.setArray(i++, c.createArrayOf("text", d.formats().toArray()));
        ps.setString(i++, d.compression());
        ps.setObject(i++, PassportTimes.stored(d.firstPublishedAt(), settings.zone()), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setObject(i++, PassportTimes.stored(d.lastModifiedAt(), settings.zone()), Types.TIMESTAMP_WITH_TIMEZONE);
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

    /** Publishing fills an empty first publication: the stored one, else now or the last change if earlier. */
    private Dataset firstPublication(Dataset d, LocalDateTime stored) {
        if (!d.published() || d.firstPublishedAt() != null) {
            return d;
        }
        LocalDateTime first = stored != null ? stored : firstPublishedAt(d.lastModifiedAt());
        return d.withPublication(true, first, d.lastModifiedAt());
    }

    /** The first publication of a dataset published now: now, or its last change when earlier. */
    LocalDateTime firstPublishedAt(LocalDateTime lastModified) {
        LocalDateTime now = settings.now();
        return lastModified != null && lastModified.isBefore(now) ? lastModified : now;
    }
}
