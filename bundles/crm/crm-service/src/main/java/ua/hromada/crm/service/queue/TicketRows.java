package ua.hromada.crm.service.queue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import ua.hromada.crm.api.Ticket;
import ua.hromada.crm.api.TicketStatus;

/** The one SELECT of tickets and its mapping, the times measured against the service's "now". */
final class TicketRows {
    static final String SELECT = "SELECT t.id, t.number, g.name, t.day, t.status, t.taken_at, t.taken_by,"
            + " t.desk_window, t.called_at, t.called_by, t.started_at, t.finished_at, t.case_id,"
            + " coalesce(c.number, '') AS case_number"
            + " FROM crm.queue_ticket t JOIN crm.queue_group g ON g.id = t.group_id"
            + " LEFT JOIN crm.service_case c ON c.id = t.case_id ";

    private TicketRows() {
    }

    static Ticket map(ResultSet rs, Instant now) throws SQLException {
        TicketStatus status = TicketStatus.valueOf(rs.getString("status"));
        Instant taken = instant(rs, "taken_at");
        Instant called = instant(rs, "called_at");
        Instant started = instant(rs, "started_at");
        Instant finished = instant(rs, "finished_at");
        long caseId = rs.getLong("case_id");
        Long linked = rs.wasNull() ? null : caseId;
        // a ticket that waits counts up to now; a no-show waited until it was called
        Duration waiting = Duration.between(taken, called != null ? called : status == TicketStatus.WAITING ? now : taken);
        Duration service = started == null ? null : Duration.between(started, finished != null ? finished : now);
        return new Ticket(rs.getLong("id"), rs.getString("number"), rs.getString("name"),
                rs.getObject("day", java.time.LocalDate.class), status, taken, rs.getString("taken_by"),
                rs.getInt("desk_window"), called, rs.getString("called_by"), started, finished, linked,
                rs.getString("case_number"), positive(waiting), service == null ? null : positive(service));
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
