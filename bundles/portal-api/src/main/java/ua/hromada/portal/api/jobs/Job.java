package ua.hromada.portal.api.jobs;

import java.util.concurrent.CompletionStage;

/** A submitted job: its state, its progress, its result, and a way to cancel it. */
@org.osgi.annotation.versioning.ProviderType
public interface Job<T> {

    JobInfo info();

    /** Asks the task to stop ({@link JobProgress#cancelled()} turns true) and interrupts it. */
    default void cancel() {
        cancel(true);
    }

    /**
     * Asks the task to stop; {@code interrupt} false leaves its thread alone, for a task that checks
     * {@link JobProgress#cancelled()} itself and still has to write down how it ended (an import's
     * report, an audit's run row): a pending interrupt would fail those database writes.
     */
    void cancel(boolean interrupt);

    /**
     * Completes with the task's result, exceptionally with its failure. A cancelled job completes
     * with a {@link java.util.concurrent.CancellationException}, unless its task had started and
     * still returned (e.g. an import's report of the rows done before the cancel).
     */
    CompletionStage<T> result();

    default boolean finished() {
        JobState state = info().state();
        return state == JobState.DONE || state == JobState.FAILED || state == JobState.CANCELLED;
    }
}
