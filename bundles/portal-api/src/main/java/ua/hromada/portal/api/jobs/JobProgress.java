package ua.hromada.portal.api.jobs;

/**
 * Handed to a running task: it tells how far it is and asks whether it should stop. A lambda
 * {@code (done, total) -> ...} is one that is never cancelled (a caller running the work in line).
 */
@FunctionalInterface
@org.osgi.annotation.versioning.ConsumerType
public interface JobProgress {

    /** {@code done} of {@code total} units; {@code total} -1 while unknown. */
    void update(long done, long total);

    /** True once the job was cancelled (by a person, or because its bundle stopped). */
    default boolean cancelled() {
        return false;
    }

    /** A progress that is never cancelled and reports nowhere, for running a task in line. */
    JobProgress NONE = (done, total) -> {
    };
}
