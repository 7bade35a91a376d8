package ua.hromada.portal.api.jobs;

/** The work of a job; it reports progress and stops early when asked to. */
@FunctionalInterface
@org.osgi.annotation.versioning.ConsumerType
public interface JobTask<T> {

    T run(JobProgress progress) throws Exception;

    /** A task without a result, e.g. {@code Jobs.submit(pool, name, JobTask.of(this::flush))}. */
    static JobTask<Void> of(Runnable work) {
        return progress -> {
            work.run();
            return null;
        };
    }
}
