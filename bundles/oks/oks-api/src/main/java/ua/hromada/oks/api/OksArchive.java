package ua.hromada.oks.api;

import java.util.Collection;
import java.util.List;

import ua.hromada.portal.api.PortalUser;

/**
 * Moving done cases out of the current tables: a case whose fix was confirmed is archived
 * (the «Архівовано» journal step) automatically once it has been confirmed for
 * {@link #autoArchiveDays()} days, or by an OKS administrator in bulk. Every archived case keeps
 * its journal; the step names who archived it (an administrator, or the system for the automatic
 * archive).
 */
@org.osgi.annotation.versioning.ProviderType
public interface OksArchive {

    /** Longest "older than" an administrator may ask for, in days (ten years). */
    int MAX_DAYS = 3650;
    /** Most cases chosen one by one in one bulk archive (a page of the list). */
    int MAX_CHOSEN = 1000;

    /**
     * Days after the confirmation at which the community's confirmed cases are archived by the
     * system ({@code archive.after.days} of etc/ua.hromada.oks.cfg, or the community's own); 0: never.
     */
    int autoArchiveDays();

    /**
     * The violation list's filter of the confirmed cases in that status for more than {@code days}
     * days: what {@link #archiveConfirmed} would archive now (0: every confirmed case).
     */
    ViolationQuery confirmedOlderThan(int days);

    /**
     * Archives every confirmed case in that status for more than {@code days} days (0..{@value #MAX_DAYS}).
     *
     * @throws OksException FORBIDDEN for anyone but an OKS administrator, INVALID for days out of range
     */
    Result archiveConfirmed(PortalUser admin, int days);

    /**
     * Archives the chosen cases; only confirmed ones are archived in bulk (another case is
     * archived from its card, where its state is in view), the rest are returned as skipped.
     *
     * @throws OksException FORBIDDEN for anyone but an OKS administrator, INVALID for none or too many
     *                      (more than {@value #MAX_CHOSEN}) ids
     */
    Result archive(PortalUser admin, Collection<Long> violationIds);

    /**
     * @param archived the ids archived now
     * @param skipped  the ids left as they were: not confirmed (any more), or moved meanwhile
     */
    record Result(List<Long> archived, List<Long> skipped) {
        public Result {
            archived = List.copyOf(archived);
            skipped = List.copyOf(skipped);
        }
    }
}
