package ua.hromada.portal.api.jobs;

import java.time.Instant;

/**
 * A snapshot of one job.
 *
 * @param pool    the named pool it runs on
 * @param name    what it does, e.g. {@code docsearch.reindex}
 * @param module  symbolic name of the bundle that submitted it
 * @param state   where it stands
 * @param done    units done so far
 * @param total   units in all, -1 while unknown
 * @param created when it was submitted
 */
public record JobInfo(String pool, String name, String module, JobState state, long done, long total,
        Instant created) {
}
