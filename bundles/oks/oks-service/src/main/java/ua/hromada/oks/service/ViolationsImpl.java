package ua.hromada.oks.service;

import static ua.hromada.portal.api.PortalException.Reason.CONFLICT;
import static ua.hromada.portal.api.PortalException.Reason.FORBIDDEN;
import static ua.hromada.portal.api.PortalException.Reason.INVALID;
import static ua.hromada.portal.api.PortalException.Reason.NOT_FOUND;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.ExecutorOrganisation;
import ua.hromada.oks.api.JournalEntry;
import ua.hromada.oks.api.NewViolation;
import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.PhotoInfo;
import ua.hromada.oks.api.PhotoUpload;
import ua.hromada.oks.api.Reporter;
import ua.hromada.oks.api.ResponsibleGroup;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.StoredPhoto;
import ua.hromada.oks.api.TransitionRequest;
import ua.hromada.oks.api.Urgency;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.api.ViolationListener;
import ua.hromada.oks.api.ViolationQuery;
import ua.hromada.oks.api.Violations;
import ua.hromada.oks.api.ViolationType;
import ua.hromada.oks.api.Violator;
import ua.hromada.oks.api.WorkflowAction;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.map.MapGrid;

/**
 * Violations and their workflow over JDBC + PostGIS (schema {@code oks}). One call is one
 * transaction; a step locks its violation row, so two people cannot move one case at once.
 */
@Component(service = Violations.class, configurationPid = OksConfig.PID)
@Designate(ocd = OksConfig.class)
public class ViolationsImpl implements Violations {
    private static final Logger LOG = LoggerFactory.getLogger(ViolationsImpl.class);
    static final String OPEN311_AUTHOR = "open311";
    private static final int MAX_DESCRIPTION = 4000;
    private static final int MAX_COMMENT = 4000;
    private static final int MAX_PHOTOS = 10;

    private static final String CARD = "SELECT v.id, v.inspector, v.inspector_name, v.created_at, v.deadline,"
            + " t.id AS t_id, t.code AS t_code, t.name AS t_name, t.description AS t_description, t.active AS t_active,"
            + " v.description, v.address, v.lat, v.lon, v.urgency,"
            + " o.id AS o_id, o.name AS o_name, o.email AS o_email, o.phone AS o_phone, o.active AS o_active,"
            + " v.violator_kind, v.violator_name, v.violator_details, v.reporter_email, v.reporter_first,"
            + " v.reporter_last, v.reporter_phone, v.reporter_device,"
            + " a.kind, a.code, a.name AS a_name, a.status_group, a.responsible, v.status_at AS last_at"
            + ViolationFilter.FROM + " JOIN oks.violation_type t ON t.id = v.type_id"
            + " LEFT JOIN oks.executor_org o ON o.id = v.executor_id";

    private final OksDatabase db;
    private final OksSettings settings;
    private final List<ViolationListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService notifier = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "oks-listeners");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public ViolationsImpl(@Reference OksDatabase db, OksConfig config) {
        this(db, OksSettings.of(config));
    }

    ViolationsImpl(OksDatabase db, OksSettings settings) {
        this.db = db;
        this.settings = settings;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(ViolationListener listener) {
        listeners.add(listener);
    }

    void removeListener(ViolationListener listener) {
        listeners.remove(listener);
    }

    @Deactivate
    void deactivate() {
        notifier.shutdown();
        try {
            notifier.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- registration

    @Override
    public long photoMaxBytes() {
        return settings.photoMaxBytes();
    }

    @Override
    public void checkPhoto(PhotoUpload photo) {
        Photos.check(photo, settings.photoMaxBytes(), settings.photoMaxPixels());
    }

    @Override
    public Violation register(PortalUser inspector, NewViolation nv) {
        Access.require(Access.inspector(inspector));
        return create(nv, inspector.username(), displayName(inspector), null);
    }

    @Override
    public Violation registerReported(NewViolation nv, Reporter reporter) {
        String name = reporter == null ? "" : ((nz(reporter.firstName()) + " " + nz(reporter.lastName())).strip());
        return create(nv, OPEN311_AUTHOR, name.isEmpty() ? "Open311" : "Open311: " + name, reporter);
    }

    private Violation create(NewViolation nv, String author, String authorName, Reporter reporter) {
        if (nv.latitude() == null || nv.longitude() == null) {
            throw new OksException(INVALID, "oks.error.locationRequired");
        }
        double lat = nv.latitude();
        double lon = nv.longitude();
        if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
            throw new OksException(INVALID, "oks.error.locationInvalid");
        }
        if (!settings.inside(lat, lon)) {
            throw new OksException(INVALID, "oks.error.locationOutside");
        }
        String description = nz(nv.description()).strip();
        String address = nz(nv.address()).strip();
        if (description.isEmpty() && address.isEmpty()) {
            throw new OksException(INVALID, "oks.error.descriptionOrAddress");
        }
        if (description.length() > MAX_DESCRIPTION) {
            throw new OksException(INVALID, "oks.error.descriptionTooLong", MAX_DESCRIPTION);
        }
        if (address.length() > 500) {
            throw new OksException(INVALID, "oks.error.addressTooLong", 500);
        }
        Violator violator = Violators.checked(nv.violator());
        LocalDate today = today();
        LocalDate deadline = nv.deadline() != null ? nv.deadline()
                : today.plusDays(nv.urgency() == Urgency.URGENT ? settings.urgentDeadlineDays() : settings.defaultDeadlineDays());
        if (deadline.isBefore(today)) {
            throw new OksException(INVALID, "oks.error.deadlinePast");
        }
        List<Photos.Checked> photos = checkPhotos(nv.photos());
        Violator finalViolator = violator;
        Instant now = db.clock().instant();
        long id = db.tx(c -> {
            ViolationType type = typeOf(c, nv.typeId());
            if (!type.active()) {
                throw new OksException(INVALID, "oks.error.typeInactive", type.name());
            }
            long vid;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO oks.violation (inspector, inspector_name, created_at,"
                    + " deadline, type_id, description, address, location, urgency, violator_kind, violator_name,"
                    + " violator_details, reporter_email, reporter_first, reporter_last, reporter_phone, reporter_device)"
                    + " VALUES (?,?,?,?,?,?,?, ST_SetSRID(ST_MakePoint(?, ?), 4326),?,?,?,?,?,?,?,?,?) RETURNING id")) {
                int i = 1;
                ps.setString(i++, author);
                ps.setString(i++, authorName);
                ps.setTimestamp(i++, Timestamp.from(now));
                ps.setObject(i++, deadline);
                ps.setLong(i++, type.id());
                ps.setString(i++, description);
                ps.setString(i++, address);
                ps.setDouble(i++, lon);
                ps.setDouble(i++, lat);
                ps.setString(i++, nv.urgency().name());
                ps.setString(i++, finalViolator == null ? null : finalViolator.kind().name());
                ps.setString(i++, finalViolator == null ? null : limit(finalViolator.name(), 300));
                ps.setString(i++, finalViolator == null ? null : blankToNull(finalViolator.details()));
                ps.setString(i++, reporter == null ? null : limit(reporter.email(), 200));
                ps.setString(i++, reporter == null ? null : limit(reporter.firstName(), 100));
                ps.setString(i++, reporter == null ? null : limit(reporter.lastName(), 100));
                ps.setString(i++, reporter == null ? null : limit(reporter.phone(), 60));
                ps.setString(i++, reporter == null ? null : limit(reporter.deviceId(), 200));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    vid = rs.getLong(1);
                }
            }
            ActionKind kind = nv.urgency() == Urgency.URGENT ? ActionKind.DETECTED_URGENT : ActionKind.DETECTED;
            long entry = insertEntry(c, vid, now, author, authorName, kind, null, deadline, null);
            savePhotos(c, vid, entry, photos);
            updateCurrent(c, vid, entry, null, deadline);
            return vid;
        });
        Violation v = findPublic(id).orElseThrow();
        publish(v);
        return v;
    }

    // ---------------------------------------------------------------- workflow

    @Override
    public Violation transition(PortalUser actor, long violationId, TransitionRequest req) {
        if (req == null || req.kind() == null) {
            throw new OksException(INVALID, "oks.error.actionRequired");
        }
        Access.require(Access.anyOks(actor));
        ActionKind next = req.kind();
        if (next == ActionKind.DETECTED || next == ActionKind.DETECTED_URGENT) {
            throw new OksException(CONFLICT, "oks.error.alreadyRegistered");
        }
        String comment = blankToNull(req.comment());
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new OksException(INVALID, "oks.error.commentTooLong", MAX_COMMENT);
        }
        List<Photos.Checked> photos = checkPhotos(req.photos());
        Instant now = db.clock().instant();
        LocalDate today = today();
        db.tx(c -> {
            Current cur = lockCurrent(c, violationId);
            boolean member = cur.executorId != null && isMember(c, cur.executorId, actor.username());
            if (!Access.seesAll(actor) && !member) {
                throw new OksException(NOT_FOUND, "oks.error.notFound");
            }
            Map<ActionKind, WorkflowAction> actions = actionsByKind(c);
            if (!Workflow.follows(cur.kind, next)) {
                // the actor's card offered the step, so the case moved on meanwhile: say where it is now
                WorkflowAction current = actions.get(cur.kind);
                throw new OksException(CONFLICT, "oks.error.transition", actions.get(next).name(),
                        current.displayCode() + " " + current.name());
            }
            Workflow.Actor who = new Workflow.Actor(Access.inspector(actor), Access.admin(actor),
                    member && Access.executor(actor));
            if (!Workflow.permitted(cur.kind, next, who)) {
                throw new OksException(FORBIDDEN, "oks.error.transitionRole", actions.get(next).name());
            }
            Long executor = cur.executorId;
            LocalDate deadline = cur.deadline;
            switch (next) {
                case SENT -> {
                    executor = activeExecutor(c, req.executorId());
                    deadline = req.deadline() != null ? req.deadline()
                            : deadline != null ? deadline : today.plusDays(settings.defaultDeadlineDays());
                    if (deadline.isBefore(today)) {
                        throw new OksException(INVALID, "oks.error.deadlinePast");
                    }
                }
                case REDIRECTED -> {
                    executor = activeExecutor(c, req.executorId());
                    requireComment(comment);
                    if (req.deadline() != null) {
                        deadline = notPast(req.deadline(), today);
                    }
                }
                case EXTENDED -> {
                    if (req.deadline() == null) {
                        throw new OksException(INVALID, "oks.error.deadlineRequired");
                    }
                    if (deadline != null && !req.deadline().isAfter(deadline) || req.deadline().isBefore(today)) {
                        throw new OksException(INVALID, "oks.error.deadlineNotLater");
                    }
                    deadline = req.deadline();
                }
                case RETURNED -> {
                    requireComment(comment);
                    if (req.deadline() != null) {
                        deadline = notPast(req.deadline(), today);
                    }
                }
                case DISPUTED -> requireComment(comment);
                default -> {
                    // ACCEPTED, REPORTED, CONFIRMED, ARCHIVED need nothing more
                }
            }
            long entry = insertEntry(c, violationId, now, actor.username(), displayName(actor), next, comment, deadline,
                    executor);
            savePhotos(c, violationId, entry, photos);
            updateCurrent(c, violationId, entry, executor, deadline);
            return null;
        });
        Violation v = findPublic(violationId).orElseThrow();
        publish(v);
        return v;
    }

    private record Current(ActionKind kind, Long executorId, LocalDate deadline) {
    }

    private static Current lockCurrent(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT v.status_kind, v.executor_id, v.deadline"
                + " FROM oks.violation v WHERE v.id = ? FOR UPDATE")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new OksException(NOT_FOUND, "oks.error.notFound");
                }
                long exec = rs.getLong(2);
                Long executor = rs.wasNull() ? null : exec;
                return new Current(ActionKind.valueOf(rs.getString(1)), executor, rs.getObject(3, LocalDate.class));
            }
        }
    }

    private static void requireComment(String comment) {
        if (comment == null) {
            throw new OksException(INVALID, "oks.error.commentRequired");
        }
    }

    private static LocalDate notPast(LocalDate d, LocalDate today) {
        if (d.isBefore(today)) {
            throw new OksException(INVALID, "oks.error.deadlinePast");
        }
        return d;
    }

    private static long activeExecutor(Connection c, Long id) throws SQLException {
        if (id == null) {
            throw new OksException(INVALID, "oks.error.executorRequired");
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT name, active FROM oks.executor_org WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new OksException(INVALID, "oks.error.executorRequired");
                }
                if (!rs.getBoolean(2)) {
                    throw new OksException(INVALID, "oks.error.executorInactive", rs.getString(1));
                }
            }
        }
        return id;
    }

    private static boolean isMember(Connection c, long orgId, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM oks.executor_member WHERE org_id = ? AND username = ?")) {
            ps.setLong(1, orgId);
            ps.setString(2, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public List<WorkflowAction> allowedActions(PortalUser actor, long violationId) {
        if (!Access.anyOks(actor)) {
            return List.of();
        }
        return db.read(c -> {
            Current cur;
            try (PreparedStatement ps = c.prepareStatement("SELECT v.status_kind, v.executor_id, v.deadline"
                    + " FROM oks.violation v WHERE v.id = ?")) {
                ps.setLong(1, violationId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return List.<WorkflowAction>of();
                    }
                    long exec = rs.getLong(2);
                    cur = new Current(ActionKind.valueOf(rs.getString(1)), rs.wasNull() ? null : exec, null);
                }
            }
            boolean member = cur.executorId != null && isMember(c, cur.executorId, actor.username());
            if (!Access.seesAll(actor) && !member) {
                return List.<WorkflowAction>of();
            }
            Workflow.Actor who = new Workflow.Actor(Access.inspector(actor), Access.admin(actor),
                    member && Access.executor(actor));
            List<WorkflowAction> out = new ArrayList<>();
            for (WorkflowAction a : OksCatalogImpl.actions(c)) {
                if (Workflow.follows(cur.kind, a.kind()) && Workflow.permitted(cur.kind, a.kind(), who)) {
                    out.add(a);
                }
            }
            return out;
        });
    }

    // ---------------------------------------------------------------- reading

    @Override
    public Optional<Violation> find(PortalUser actor, long violationId) {
        if (!Access.anyOks(actor)) {
            return Optional.empty();
        }
        ViolationFilter f = ViolationFilter.visibility(actor).and("v.id = ?", List.of(violationId));
        return db.read(c -> list(c, f, "", 0, 1)).stream().findFirst();
    }

    @Override
    public Optional<Violation> findPublic(long violationId) {
        ViolationFilter f = ViolationFilter.visibility(null).and("v.id = ?", List.of(violationId));
        return db.read(c -> list(c, f, "", 0, 1)).stream().findFirst();
    }

    @Override
    public List<Violation> search(PortalUser actor, ViolationQuery query) {
        Access.require(Access.anyOks(actor));
        ViolationFilter f = filter(actor, query);
        return db.read(c -> list(c, f, ViolationFilter.orderBy(query.sort()), query.offset(), query.limit()));
    }

    @Override
    public long count(PortalUser actor, ViolationQuery query) {
        Access.require(Access.anyOks(actor));
        return count(filter(actor, query));
    }

    long count(ViolationFilter f) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*)" + ViolationFilter.FROM + f.where)) {
                f.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public List<Violation> searchPublic(ViolationQuery query) {
        ViolationFilter f = filter(null, query);
        return db.read(c -> list(c, f, ViolationFilter.orderBy(query.sort()), query.offset(), query.limit()));
    }

    private List<Violation> list(Connection c, ViolationFilter f, String order, int offset, int limit)
            throws SQLException {
        List<Violation> out = new ArrayList<>();
        LocalDate today = today();
        try (PreparedStatement ps = c.prepareStatement(CARD + f.where + order + " OFFSET " + offset + " LIMIT " + limit)) {
            f.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(violation(rs, today));
                }
            }
        }
        return out;
    }

    private static Violation violation(ResultSet rs, LocalDate today) throws SQLException {
        ViolationType type = new ViolationType(rs.getLong("t_id"), rs.getString("t_code"), rs.getString("t_name"),
                rs.getString("t_description"), rs.getBoolean("t_active"));
        long orgId = rs.getLong("o_id");
        ExecutorOrganisation executor = rs.wasNull() ? null : new ExecutorOrganisation(orgId, rs.getString("o_name"),
                rs.getString("o_email"), rs.getString("o_phone"), rs.getBoolean("o_active"), List.of());
        String vk = rs.getString("violator_kind");
        Violator violator = vk == null ? null : new Violator(Violator.Kind.valueOf(vk), rs.getString("violator_name"),
                rs.getString("violator_details"));
        Reporter reporter = OPEN311_AUTHOR.equals(rs.getString("inspector")) ? new Reporter(rs.getString("reporter_email"),
                rs.getString("reporter_first"), rs.getString("reporter_last"), rs.getString("reporter_phone"),
                rs.getString("reporter_device")) : null;
        WorkflowAction last = action(rs);
        LocalDate deadline = rs.getObject("deadline", LocalDate.class);
        boolean overdue = deadline != null && deadline.isBefore(today) && !Workflow.FINISHED.contains(last.kind());
        return new Violation(rs.getLong("id"), rs.getString("inspector"), rs.getString("inspector_name"),
                rs.getTimestamp("created_at").toInstant(), deadline, type, rs.getString("description"),
                rs.getString("address"), rs.getDouble("lat"), rs.getDouble("lon"), Urgency.valueOf(rs.getString("urgency")),
                executor, violator, reporter, last, rs.getTimestamp("last_at").toInstant(), overdue);
    }

    private static WorkflowAction action(ResultSet rs) throws SQLException {
        return new WorkflowAction(ActionKind.valueOf(rs.getString("kind")), rs.getInt("code"), rs.getString("a_name"),
                StatusGroup.ofNumber(rs.getInt("status_group")), ResponsibleGroup.valueOf(rs.getString("responsible")));
    }

    @Override
    public List<JournalEntry> journal(PortalUser actor, long violationId) {
        if (find(actor, violationId).isEmpty()) {
            throw new OksException(NOT_FOUND, "oks.error.notFound");
        }
        return db.read(c -> entries(c, " WHERE j.violation_id = ? ORDER BY j.at, j.id", List.of(violationId)));
    }

    @Override
    public List<JournalEntry> latestEvents(PortalUser actor, int limit) {
        Access.require(Access.anyOks(actor));
        int n = Math.max(1, Math.min(limit, 200));
        if (Access.seesAll(actor)) {
            return db.read(c -> entries(c, " ORDER BY j.at DESC, j.id DESC LIMIT " + n, List.of()));
        }
        return db.read(c -> entries(c, " WHERE j.violation_id IN (SELECT v.id FROM oks.violation v WHERE v.executor_id IN"
                + " (SELECT m.org_id FROM oks.executor_member m WHERE m.username = ?)) ORDER BY j.at DESC, j.id DESC LIMIT " + n,
                List.of(actor.username())));
    }

    private static List<JournalEntry> entries(Connection c, String tail, List<Object> params) throws SQLException {
        Map<Long, JournalEntry> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT j.id, j.violation_id, j.at, j.author, j.author_name,"
                + " a.kind, a.code, a.name AS a_name, a.status_group, a.responsible, j.comment, j.deadline, j.executor_id,"
                + " o.name AS o_name FROM oks.journal j JOIN oks.workflow_action a ON a.kind = j.action_kind"
                + " LEFT JOIN oks.executor_org o ON o.id = j.executor_id" + tail)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long exec = rs.getLong("executor_id");
                    Long executorId = rs.wasNull() ? null : exec;
                    rows.put(rs.getLong("id"), new JournalEntry(rs.getLong("id"), rs.getLong("violation_id"),
                            rs.getTimestamp("at").toInstant(), rs.getString("author"), rs.getString("author_name"),
                            action(rs), rs.getString("comment"), rs.getObject("deadline", LocalDate.class), executorId,
                            rs.getString("o_name"), List.of()));
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<PhotoInfo>> photos = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, journal_id, file_name, content_type, size, sha256, width,"
                + " height FROM oks.photo WHERE journal_id = ANY (?) ORDER BY id")) {
            ps.setArray(1, c.createArrayOf("bigint", rows.keySet().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    photos.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(photoInfo(rs));
                }
            }
        }
        List<JournalEntry> out = new ArrayList<>();
        for (JournalEntry e : rows.values()) {
            List<PhotoInfo> p = photos.get(e.id());
            out.add(p == null ? e : new JournalEntry(e.id(), e.violationId(), e.at(), e.author(), e.authorName(),
                    e.action(), e.comment(), e.deadline(), e.executorId(), e.executorName(), p));
        }
        return out;
    }

    private static PhotoInfo photoInfo(ResultSet rs) throws SQLException {
        return new PhotoInfo(rs.getLong("id"), rs.getLong("journal_id"), rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("size"), rs.getString("sha256"), rs.getInt("width"),
                rs.getInt("height"));
    }

    @Override
    public Optional<StoredPhoto> photo(PortalUser actor, long photoId, boolean thumbnail) {
        Optional<Object[]> row = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, journal_id, file_name, content_type, size, sha256,"
                    + " width, height, violation_id, " + (thumbnail ? "thumbnail" : "content") + " FROM oks.photo WHERE id = ?")) {
                ps.setLong(1, photoId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Object[] {photoInfo(rs), rs.getLong("violation_id"), rs.getBytes(10)})
                            : Optional.<Object[]>empty();
                }
            }
        });
        if (row.isEmpty() || find(actor, (Long) row.get()[1]).isEmpty()) {
            return Optional.empty();
        }
        PhotoInfo info = (PhotoInfo) row.get()[0];
        return Optional.of(new StoredPhoto(info, thumbnail ? "image/jpeg" : info.contentType(), (byte[]) row.get()[2]));
    }

    // ---------------------------------------------------------------- map and summary

    @Override
    public List<MapPoint> mapPoints(PortalUser actor, double south, double west, double north, double east, int zoom) {
        Access.require(Access.anyOks(actor));
        ViolationFilter f = filter(actor, ViolationQuery.current())
                .and("v.location && ST_MakeEnvelope(?, ?, ?, ?, 4326)", List.of(west, south, east, north));
        java.sql.Date todayDate = java.sql.Date.valueOf(today());
        String overdue = "(v.deadline < ? AND v.status_kind NOT IN ('REPORTED','CONFIRMED','ARCHIVED'))";
        int max = settings.mapMaxPoints();
        return db.read(c -> {
            List<MapPoint> points = new ArrayList<>();
            int limit = zoom >= MapGrid.POINTS_FROM_ZOOM ? 5000 : max + 1;
            try (PreparedStatement ps = c.prepareStatement("SELECT v.id, v.lat, v.lon,"
                    + " a.status_group, " + overdue + ", t.name, v.created_at" + ViolationFilter.FROM
                    + " JOIN oks.violation_type t ON t.id = v.type_id" + f.where
                    + " ORDER BY v.id DESC LIMIT " + limit)) {
                ps.setDate(1, todayDate);
                bindFrom(ps, f, 2);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        points.add(new MapPoint(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), 1,
                                StatusGroup.ofNumber(rs.getInt(4)), rs.getBoolean(5), rs.getString(6),
                                rs.getTimestamp(7).toInstant()));
                    }
                }
            }
            if (zoom >= MapGrid.POINTS_FROM_ZOOM || points.size() <= max) {
                return points;
            }
            points.clear();
            // too many to draw: aggregate on a grid whose cell shrinks as the map zooms in
            double cell = MapGrid.cellSize(zoom);
            Map<Long, String> typeNames = new java.util.HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM oks.violation_type");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    typeNames.put(rs.getLong(1), rs.getString(2));
                }
            }
            Map<String, StatusGroup> groupOfKind = new java.util.HashMap<>();
            for (WorkflowAction a : OksCatalogImpl.actions(c)) {
                groupOfKind.put(a.kind().name(), a.group());
            }
            // PostgreSQL cannot estimate the number of cells and would sort ~10^5 rows on disk with the
            // default work_mem; with room for a hash table the cells are counted in one pass
            c.setAutoCommit(false);
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("SET LOCAL work_mem = '32MB'");
            }
            // the filter's conditions are all on v (last-action conditions are a list of kinds): no join
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*), avg(v.lat), avg(v.lon),"
                    + " min(v.id), min(v.status_kind), bool_or" + overdue + ", min(v.type_id), min(v.created_at)"
                    + " FROM oks.violation v" + f.where
                    + " GROUP BY floor(v.lon / ?), floor(v.lat / ?)")) {
                ps.setDate(1, todayDate);
                int next = bindFrom(ps, f, 2);
                ps.setDouble(next, cell);
                ps.setDouble(next + 1, cell);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int n = rs.getInt(1);
                        points.add(new MapPoint(n == 1 ? rs.getLong(4) : null, rs.getDouble(2), rs.getDouble(3), n,
                                n == 1 ? groupOfKind.get(rs.getString(5)) : null, rs.getBoolean(6),
                                n == 1 ? typeNames.get(rs.getLong(7)) : null, n == 1 ? rs.getTimestamp(8).toInstant() : null));
                    }
                }
            } finally {
                c.rollback(); // read only: ends the transaction of the SET LOCAL
                c.setAutoCommit(true);
            }
            return points;
        });
    }

    private static int bindFrom(PreparedStatement ps, ViolationFilter f, int first) throws SQLException {
        for (int i = 0; i < f.params.size(); i++) {
            ps.setObject(first + i, f.params.get(i));
        }
        return first + f.params.size();
    }

    @Override
    public Summary summary(PortalUser actor) {
        Access.require(Access.anyOks(actor));
        ViolationFilter f = filter(actor, ViolationQuery.current());
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*),"
                    + " count(*) FILTER (WHERE v.deadline < ? AND v.status_kind NOT IN ('REPORTED','CONFIRMED','ARCHIVED')),"
                    + " count(*) FILTER (WHERE a.status_group = 1),"
                    + " count(*) FILTER (WHERE v.status_kind = 'REPORTED')" + ViolationFilter.FROM + f.where)) {
                ps.setDate(1, java.sql.Date.valueOf(today()));
                bindFrom(ps, f, 2);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Summary(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
                }
            }
        });
    }

    // ---------------------------------------------------------------- helpers

    private ViolationFilter filter(PortalUser actor, ViolationQuery query) {
        return ViolationFilter.of(actor, query, db.clock(), settings.zone(), db.read(OksCatalogImpl::actions));
    }

    private void publish(Violation v) {
        if (listeners.isEmpty()) {
            return;
        }
        List<JournalEntry> journal = db.read(c -> entries(c,
                " WHERE j.id = (SELECT last_entry_id FROM oks.violation WHERE id = ?)", List.of(v.id())));
        if (journal.isEmpty()) {
            return;
        }
        JournalEntry entry = journal.get(0);
        for (ViolationListener l : listeners) {
            notifier.submit(() -> {
                try {
                    l.stepCommitted(v, entry);
                } catch (RuntimeException e) {
                    LOG.warn("OKS listener {} failed for violation {}", l.getClass().getName(), v.id(), e);
                }
            });
        }
    }

    private static Map<ActionKind, WorkflowAction> actionsByKind(Connection c) throws SQLException {
        Map<ActionKind, WorkflowAction> m = new LinkedHashMap<>();
        for (WorkflowAction a : OksCatalogImpl.actions(c)) {
            m.put(a.kind(), a);
        }
        return m;
    }

    private static ViolationType typeOf(Connection c, long typeId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, code, name, description, active, version FROM oks.violation_type WHERE id = ?")) {
            ps.setLong(1, typeId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new OksException(INVALID, "oks.error.typeRequired");
                }
                return OksCatalogImpl.type(rs);
            }
        }
    }

    private static long insertEntry(Connection c, long violationId, Instant at, String author, String authorName,
            ActionKind kind, String comment, LocalDate deadline, Long executorId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO oks.journal (violation_id, at, author, author_name,"
                + " action_kind, comment, deadline, executor_id) VALUES (?,?,?,?,?,?,?,?) RETURNING id")) {
            ps.setLong(1, violationId);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, author);
            ps.setString(4, authorName);
            ps.setString(5, kind.name());
            ps.setString(6, comment);
            ps.setObject(7, deadline);
            if (executorId == null) {
                ps.setNull(8, Types.BIGINT);
            } else {
                ps.setLong(8, executorId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void updateCurrent(Connection c, long violationId, long entry, Long executorId, LocalDate deadline)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE oks.violation AS t SET last_entry_id = j.id, status_kind = j.action_kind, status_at = j.at,"
                + " confirmed_at = CASE WHEN j.action_kind = 'CONFIRMED' THEN j.at ELSE t.confirmed_at END,"
                + " executor_id = ?, deadline = ? FROM oks.journal j WHERE j.id = ? AND t.id = ?")) {
            if (executorId == null) {
                ps.setNull(1, Types.BIGINT);
            } else {
                ps.setLong(1, executorId);
            }
            ps.setObject(2, deadline);
            ps.setLong(3, entry);
            ps.setLong(4, violationId);
            ps.executeUpdate();
        }
    }

    private List<Photos.Checked> checkPhotos(List<PhotoUpload> uploads) {
        if (uploads.size() > MAX_PHOTOS) {
            throw new OksException(INVALID, "oks.error.tooManyPhotos", MAX_PHOTOS);
        }
        return uploads.stream().map(u -> Photos.check(u, settings.photoMaxBytes(), settings.photoMaxPixels())).toList();
    }

    private static void savePhotos(Connection c, long violationId, long entry, List<Photos.Checked> photos)
            throws SQLException {
        if (photos.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO oks.photo (journal_id, violation_id, file_name,"
                + " content_type, size, sha256, width, height, content, thumbnail) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            for (Photos.Checked p : photos) {
                ps.setLong(1, entry);
                ps.setLong(2, violationId);
                ps.setString(3, p.fileName());
                ps.setString(4, p.contentType());
                ps.setLong(5, p.content().length);
                ps.setString(6, p.sha256());
                ps.setInt(7, p.width());
                ps.setInt(8, p.height());
                ps.setBytes(9, p.content());
                ps.setBytes(10, p.thumbnail());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(db.clock().instant(), settings.zone());
    }

    private static String displayName(PortalUser u) {
        return u.displayName() == null || u.displayName().isBlank() ? u.username() : u.displayName();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String limit(String s, int max) {
        String v = blankToNull(s);
        return v == null ? null : v.length() > max ? v.substring(0, max) : v;
    }
}
