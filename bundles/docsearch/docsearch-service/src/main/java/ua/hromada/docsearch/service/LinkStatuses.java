package ua.hromada.docsearch.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import ua.hromada.docsearch.api.ActStatus;
import ua.hromada.docsearch.service.store.ActStore;

/**
 * The status AMENDS and CANCELS links give the acts they point at (docs/docsearch.md, "Links"),
 * applied inside the registry's transaction; the registry indexes and audits the changes after it.
 */
final class LinkStatuses {
    private final ActStore store;

    LinkStatuses(ActStore store) {
        this.store = store;
    }

    /** A status an AMENDS/CANCELS link set or gave back, with why (for the audit log). */
    record StatusChange(long actId, ActStatus from, ActStatus to, String reason) {
    }

    /** The status links give an act: {@code before} is the one they replaced (null: none). */
    record LinkedStatus(ActStatus status, ActStatus before) {
    }

    /**
     * What the links to an act make of its status. A CANCELS link makes it "втратив чинність",
     * an AMENDS link "змінено" (only of an act in force: amending neither revives a cancelled act
     * nor lifts a suspension). The status replaced is remembered and given back when the last such
     * link goes — unless a person changed the status meanwhile (then {@code before} is null and
     * links leave it alone until they change it again).
     *
     * @return the new status and remembered one, or null for no change
     */
    static LinkedStatus statusFromLinks(ActStatus current, ActStatus before, boolean cancelled, boolean amended) {
        ActStatus target = cancelled ? ActStatus.LOST_FORCE : amended ? ActStatus.AMENDED : null;
        if (before == null) {
            if (target == null || current == target || current == ActStatus.LOST_FORCE
                    || (target == ActStatus.AMENDED && current != ActStatus.IN_FORCE)) {
                return null;
            }
            return new LinkedStatus(target, current);
        }
        if (target == null || (target == ActStatus.AMENDED && before != ActStatus.IN_FORCE)) {
            return new LinkedStatus(before, null);
        }
        return current == target ? null : new LinkedStatus(target, before);
    }

    /**
     * Sets the status of each of {@code targets} that its links now call for (locking each row),
     * in id order so concurrent changes take the rows in the same order.
     */
    List<StatusChange> apply(Connection c, Set<Long> targets, Instant now) throws SQLException {
        List<StatusChange> changes = new ArrayList<>();
        for (long target : new java.util.TreeSet<>(targets)) {
            Optional<ActStore.LinkedStatus> s = store.linkedStatus(c, target);
            if (s.isEmpty()) {
                continue;
            }
            ActStore.LinkedStatus st = s.get();
            LinkedStatus next = statusFromLinks(st.status(), st.before(), !st.cancelledBy().isEmpty(),
                    !st.amendedBy().isEmpty());
            if (next == null) {
                continue;
            }
            store.setLinkedStatus(c, target, next.status(), next.before(), now);
            String reason = !st.cancelledBy().isEmpty() ? "cancelled by act #" + st.cancelledBy().get(0)
                    : !st.amendedBy().isEmpty() ? "amended by act #" + st.amendedBy().get(0)
                    : "no amending or cancelling act left";
            changes.add(new StatusChange(target, st.status(), next.status(), reason));
        }
        return changes;
    }
}
