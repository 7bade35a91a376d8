package ua.hromada.oks.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One step of a violation's history. Rows are only ever added: a correction is a new row.
 *
 * @param deadline     the deadline in force after this step
 * @param executorId   the executor organisation after this step (null when none)
 */
public record JournalEntry(long id, long violationId, Instant at, String author, String authorName,
        WorkflowAction action, String comment, LocalDate deadline, Long executorId, String executorName,
        List<PhotoInfo> photos) {

    public JournalEntry {
        photos = photos == null ? List.of() : List.copyOf(photos);
    }
}
