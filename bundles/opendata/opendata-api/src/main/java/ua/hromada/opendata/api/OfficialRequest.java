package ua.hromada.opendata.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A letter sent to a data manager about findings, with its due date and the answer.
 *
 * @param number     outgoing number as registered, e.g. "01-12/345"
 * @param findingIds the findings it is about
 */
public record OfficialRequest(long id, long managerId, String managerName, String number, LocalDate sentOn,
        LocalDate dueOn, String subject, String text, LocalDate answeredOn, String answer, List<Long> findingIds) {

    public OfficialRequest {
        findingIds = findingIds == null ? List.of() : List.copyOf(findingIds);
    }

    public boolean overdue(LocalDate today) {
        return answeredOn == null && dueOn != null && dueOn.isBefore(today);
    }
}
