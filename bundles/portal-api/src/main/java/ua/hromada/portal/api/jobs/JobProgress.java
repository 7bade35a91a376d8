package ua.hromada.portal.api.jobs;

/** Handed to a running task: it tells how far it is and asks whether it should stop. */
@org.osgi.annotation.versioning.ProviderType
public interface JobProgress {

    /** {@code done} of {@code total} units; {@code total} -1 while unknown. */
    void update(long done, long total);

    /** True once the job was cancelled (by a person, or because its bundle stopped). */
    boolean cancelled();

    /** A progress that is never cancelled and reports nowhere, for running a task in line. */
    JobProgress NONE = new JobProgress() {
        @Override
        public void update(long done, long total) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };
}
