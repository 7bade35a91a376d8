package ua.hromada.opendata.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A letter sent to a data manager about findings, with its due date and the answer.
 *
 * @param number     outgoing number as registered, e.g. "01-12/345"
 * @param findingIds the findings it is about
 * @param version    the optimistic-lock version read with it (sent back with a form's save)
 */
public record OfficialRequest(long id, long managerId, String managerName, String number, LocalDate sentOn,
        LocalDate dueOn, String subject, String text, LocalDate answeredOn, String answer, List<Long> findingIds,
        long version) {

    /** A request not read from the store (a new one): version 0. */
    public OfficialRequest(long id, long managerId, String managerName, String number, LocalDate sentOn,
            LocalDate dueOn, String subject, String text, LocalDate answeredOn, String answer, List<Long> findingIds) {
        this(id, managerId, managerName, number, sentOn, dueOn, subject, text, answeredOn, answer, findingIds, 0);
    }

    public OfficialRequest {
        findingIds = findingIds == null ? List.of() : List.copyOf(findingIds);
    }

    public boolean overdue(LocalDate today) {
        return answeredOn == null && dueOn != null && dueOn.isBefore(today);
    }
}
