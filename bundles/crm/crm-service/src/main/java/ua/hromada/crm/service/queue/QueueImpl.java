package ua.hromada.crm.service.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.CrmPermissions;
import ua.hromada.crm.api.DeskCall;
import ua.hromada.crm.api.LoadPlan;
import ua.hromada.crm.api.Queue;
import ua.hromada.crm.api.QueueGroup;
import ua.hromada.crm.api.Ticket;
import ua.hromada.crm.api.TicketStatus;
import ua.hromada.crm.service.CrmDatabase;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.jdbc.Statements;
import ua.hromada.portal.api.jdbc.Versioned;
import ua.hromada.portal.api.jobs.JobTask;
import ua.hromada.portal.api.jobs.Jobs;

/**
 * The hall's queue over {@code crm.queue_group} and {@code crm.queue_ticket}. A ticket's step is one
 * conditional update (the status it must be in), so two desks cannot both start or close the same
 * ticket, and "call next" skips tickets another desk is calling at that moment. The displays are told
 * after the step committed, on the job pool {@code crm.queue.display}, never on the desk's thread; a
 * step made on another node reaches them through {@link CallsFromOtherNodes}.
 */
@Component(service = Queue.class, configurationPid = QueueConfig.PID)
@Designate(ocd = QueueConfig.class)
public class QueueImpl implements Queue {
    static final String DESK = CrmPermissions.ADMINISTRATOR + PortalUser.ANY_OF + CrmPermissions.HEAD;
    static final String MODULE = "crm";
    static final String ENTITY = "queue_ticket";

    private final CrmDatabase database;
    private final AuditLog audit;
    private final PortalSettings settings;
    private final Communities communities;
    private final Jobs jobs;
    private final QueueConfig config;
    private final QueueDisplays displays = new QueueDisplays();
    private final LoadPlanner planner;

    @Activate
    public QueueImpl(@Reference CrmDatabase database, @Reference AuditLog audit, @Reference PortalSettings settings,
            @Reference Communities communities, @Reference Jobs jobs, QueueConfig config) {
        this.database = database;
        this.audit = audit;
        this.settings = settings;
        this.communities = communities;
        this.jobs = jobs;
        this.config = config;
        this.planner = new LoadPlanner(database, settings, config);
    }

    @Override
    public List<QueueGroup> groups(PortalUser user) {
        require(user, DESK);
        return database.tx(QueueGroups::sync);
    }

    @Override
    public Ticket take(PortalUser user, String group) {
        require(user, DESK);
        if (group == null || group.isBlank()) {
            throw new CrmException(Map.of("group", "crm.queue.error.groupRequired"));
        }
        LocalDate today = settings.today();
        Instant now = now();
        Ticket ticket = database.tx(c -> {
            QueueGroup g = QueueGroups.find(c, group.strip())
                    .orElseThrow(() -> new CrmException(Reason.NOT_FOUND, "crm.queue.error.group", group));
            // the group's row is the lock of its numbering: one number per ticket, however many kiosks
            Statements.list(c, "SELECT id FROM crm.queue_group WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), g.id());
            int seq = Statements.first(c, "SELECT coalesce(max(seq), 0) + 1 FROM crm.queue_ticket"
                    + " WHERE group_id = ? AND day = ?", rs -> rs.getInt(1), g.id(), today).orElse(1);
            String number = g.letter() + "-" + String.format(Locale.ROOT, "%03d", seq);
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO crm.queue_ticket"
                    + " (group_id, day, seq, number, status, taken_at, taken_by) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
                ps.setLong(1, g.id());
                ps.setObject(2, today);
                ps.setInt(3, seq);
                ps.setString(4, number);
                ps.setString(5, TicketStatus.WAITING.name());
                ps.setTimestamp(6, Timestamp.from(now));
                ps.setString(7, user.username());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            audit.record(c, user.username(), MODULE, ENTITY, String.valueOf(id), "take", "number=" + number);
            return load(c, id);
        });
        return ticket;
    }

    @Override
    public Optional<Ticket> callNext(PortalUser user, int window, Collection<String> groups) {
        require(user, DESK);
        checkWindow(window);
        if (groups == null || groups.isEmpty()) {
            throw new CrmException(Map.of("groups", "crm.queue.error.groupsRequired"));
        }
        LocalDate today = settings.today();
        Instant now = now();
        Optional<Ticket> called = database.tx(c -> {
            Optional<Ticket> busy = atWindow(c, today, window);
            if (busy.isPresent()) {
                throw new CrmException(Reason.CONFLICT, "crm.queue.error.windowBusy", window, busy.get().number());
            }
            Optional<Long> next = Statements.first(c, "SELECT t.id FROM crm.queue_ticket t"
                    + " JOIN crm.queue_group g ON g.id = t.group_id"
                    + " WHERE t.day = ? AND t.status = 'WAITING' AND g.name = ANY (?)"
                    + " ORDER BY t.taken_at, t.id LIMIT 1 FOR UPDATE OF t SKIP LOCKED", rs -> rs.getLong(1),
                    today, c.createArrayOf("varchar", groups.toArray()));
            if (next.isEmpty()) {
                return Optional.<Ticket>empty();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE crm.queue_ticket SET status = 'CALLED',"
                    + " desk_window = ?, called_at = ?, called_by = ?, " + Versioned.BUMP + " WHERE id = ?")) {
                ps.setInt(1, window);
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setString(3, user.username());
                ps.setLong(4, next.get());
                ps.executeUpdate();
            }
            audit.record(c, user.username(), MODULE, ENTITY, String.valueOf(next.get()), "call", "window=" + window);
            return Optional.of(load(c, next.get()));
        });
        called.ifPresent(t -> tellDisplays());
        return called;
    }

    @Override
    public Optional<Ticket> atWindow(PortalUser user, int window) {
        require(user, DESK);
        checkWindow(window);
        LocalDate today = settings.today();
        return database.read(c -> atWindow(c, today, window));
    }

    @Override
    public Ticket start(PortalUser user, long ticketId) {
        return step(user, ticketId, TicketStatus.CALLED, "start",
                "status = 'SERVING', started_at = ?", null);
    }

    @Override
    public Ticket finish(PortalUser user, long ticketId, String caseNumber) {
        require(user, DESK);
        Long caseId = null;
        if (caseNumber != null && !caseNumber.isBlank()) {
            String number = caseNumber.strip();
            caseId = database.read(c -> Statements.first(c, "SELECT id FROM crm.service_case WHERE number = ?",
                    rs -> rs.getLong(1), number)).orElseThrow(() -> new CrmException(Map.of("case",
                            "crm.queue.error.case")));
        }
        Ticket t = step(user, ticketId, TicketStatus.SERVING, "finish",
                "status = 'DONE', finished_at = ?, case_id = ?", caseId);
        tellDisplays();
        return t;
    }

    @Override
    public Ticket noShow(PortalUser user, long ticketId) {
        Ticket t = step(user, ticketId, TicketStatus.CALLED, "no-show", "status = 'NO_SHOW', finished_at = ?", null);
        tellDisplays();
        return t;
    }

    @Override
    public List<Ticket> today(PortalUser user) {
        require(user, DESK);
        LocalDate today = settings.today();
        Instant now = now();
        return database.read(c -> Statements.list(c, TicketRows.SELECT + " WHERE t.day = ? ORDER BY t.taken_at, t.id",
                rs -> TicketRows.map(rs, now), today));
    }

    @Override
    public List<DeskCall> board() {
        LocalDate today = settings.today();
        return database.read(c -> board(c, today));
    }

    @Override
    public AutoCloseable onCall(Consumer<List<DeskCall>> display) {
        String community = communities.current().id();
        // what the display shows now (it read the board as it opened): a change elsewhere that leaves it so is no news
        displays.remember(community, board());
        return displays.add(community, display);
    }

    @Override
    public LoadPlan load(PortalUser user, int weeks) {
        require(user, CrmPermissions.HEAD);
        return planner.plan(weeks);
    }

    @Override
    public byte[] exportLoad(PortalUser user, int weeks, Locale locale) {
        require(user, CrmPermissions.HEAD);
        return planner.export(planner.plan(weeks), locale);
    }

    @Override
    public int planningWeeks() {
        return Math.max(1, Math.min(LoadPlanner.MAX_WEEKS, config.planning_weeks()));
    }

    /** One step of a ticket that must be in {@code from}; {@code set} has the time first, then {@code extra}. */
    private Ticket step(PortalUser user, long ticketId, TicketStatus from, String action, String set, Long extra) {
        require(user, DESK);
        Instant now = now();
        return database.tx(c -> {
            int changed;
            try (PreparedStatement ps = c.prepareStatement("UPDATE crm.queue_ticket SET " + set + ", "
                    + Versioned.BUMP + " WHERE id = ? AND status = ?")) {
                int i = 1;
                ps.setTimestamp(i++, Timestamp.from(now));
                if (set.contains("case_id")) {
                    if (extra == null) {
                        ps.setNull(i++, java.sql.Types.BIGINT);
                    } else {
                        ps.setLong(i++, extra);
                    }
                }
                ps.setLong(i++, ticketId);
                ps.setString(i, from.name());
                changed = ps.executeUpdate();
            }
            if (changed == 0) {
                Ticket current = Statements.first(c, TicketRows.SELECT + " WHERE t.id = ?",
                        rs -> TicketRows.map(rs, now), ticketId)
                        .orElseThrow(() -> new CrmException(Reason.NOT_FOUND, "crm.queue.error.ticket", ticketId));
                throw new CrmException(Reason.CONFLICT, "crm.queue.error.state." + from.name(), current.number());
            }
            audit.record(c, user.username(), MODULE, ENTITY, String.valueOf(ticketId), action,
                    extra == null ? "" : "case=" + extra);
            return load(c, ticketId);
        });
    }

    private Optional<Ticket> atWindow(Connection c, LocalDate today, int window) throws SQLException {
        Instant now = now();
        return Statements.first(c, TicketRows.SELECT + " WHERE t.day = ? AND t.desk_window = ?"
                + " AND t.status IN ('CALLED', 'SERVING') ORDER BY t.called_at DESC",
                rs -> TicketRows.map(rs, now), today, window);
    }

    private List<DeskCall> board(Connection c, LocalDate today) throws SQLException {
        return Statements.list(c, "SELECT number, desk_window, called_at FROM crm.queue_ticket"
                + " WHERE day = ? AND status IN ('CALLED', 'SERVING') ORDER BY called_at DESC, id DESC LIMIT ?",
                rs -> new DeskCall(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant()), today,
                Math.max(1, config.display_lines()));
    }

    /**
     * Reads the board in the caller's community and, when it differs from what its displays show,
     * tells them off the caller's thread. Called after a local step and, by
     * {@link CallsFromOtherNodes}, after a ticket changed on another node (docs/cluster.md), where a
     * ticket taken or started leaves the board as it was.
     */
    void tellDisplays() {
        String community = communities.current().id();
        if (displays.count(community) == 0) {
            return;
        }
        List<DeskCall> lines = board();
        if (displays.remember(community, lines)) {
            jobs.submit("crm.queue.display", "hall display", JobTask.of(() -> displays.tell(community, lines)));
        }
    }

    private Ticket load(Connection c, long id) throws SQLException {
        Instant now = now();
        return Statements.first(c, TicketRows.SELECT + " WHERE t.id = ?", rs -> TicketRows.map(rs, now), id)
                .orElseThrow(() -> new CrmException(Reason.NOT_FOUND, "crm.queue.error.ticket", id));
    }

    private static void checkWindow(int window) {
        if (window < 1 || window > 999) {
            throw new CrmException(Map.of("window", "crm.queue.error.window"));
        }
    }

    private Instant now() {
        return settings.clock().instant();
    }

    static void require(PortalUser user, String permission) {
        if (user == null || !user.hasPermission(permission)) {
            throw new CrmException(Reason.FORBIDDEN, "crm.error.forbidden");
        }
    }
}
