package ua.hromada.crm.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A visitor's ticket of one day.
 *
 * @param number     the group's letter and the day's sequence number, e.g. {@code А-007}
 * @param window     the window it was called to; 0 before it is called
 * @param calledAt   null before called; {@code startedAt} and {@code finishedAt} likewise
 * @param caseId     the case opened while serving it, or null
 * @param caseNumber that case's registration number, or empty
 * @param waiting    from taking the ticket until it was called, or until now while it waits
 * @param service    from the start of service to its end, or until now while served; null before
 */
public record Ticket(long id, String number, String group, LocalDate day, TicketStatus status, Instant takenAt,
        String takenBy, int window, Instant calledAt, String calledBy, Instant startedAt, Instant finishedAt,
        Long caseId, String caseNumber, Duration waiting, Duration service) {
}
