package ua.hromada.opendata.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A letter sent to a data manager about findings, with its due date and the answer.
 *
 * @param number     outgoing number as registered, e.g. "01-12/345"
 * @param dueOn      the answer's deadline: as typed, else the legal one counted in working days when saved
 * @param findingIds the findings it is about
 * @param version    the optimistic-lock version read with it (sent back with a form's save)
 * @param answerFile the answer's file as stored (a scan or a document), or null for none
 */
public record OfficialRequest(long id, long managerId, String managerName, String number, LocalDate sentOn,
        LocalDate dueOn, String subject, String text, LocalDate answeredOn, String answer, List<Long> findingIds,
        long version, AnswerFile answerFile) {

    /**
     * The stored file of an answer.
     *
     * @param mediaType its kind judged by its content (PDF, DOCX, PNG, JPEG), never by its name
     * @param size      bytes
     */
    public record AnswerFile(String fileName, String mediaType, long size) {
    }

    /** A request as read or sent back by a form, without its answer's file (a save keeps the stored one). */
    public OfficialRequest(long id, long managerId, String managerName, String number, LocalDate sentOn,
            LocalDate dueOn, String subject, String text, LocalDate answeredOn, String answer, List<Long> findingIds,
            long version) {
        this(id, managerId, managerName, number, sentOn, dueOn, subject, text, answeredOn, answer, findingIds, version, null);
    }

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
