package ua.hromada.opendata.api;

import java.time.Instant;

/**
 * An audit run (scheduled or on demand).
 *
 * @param score      the average dataset score of the run, 0..100
 */
public record AuditRun(long id, Instant startedAt, Instant finishedAt, String startedBy, Status status,
        int datasetsChecked, int findings, Double score) {

    public enum Status {
        RUNNING, FINISHED, CANCELLED, FAILED
    }
}
