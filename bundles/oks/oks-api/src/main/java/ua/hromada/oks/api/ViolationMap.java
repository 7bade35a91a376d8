package ua.hromada.oks.api;

import java.time.Instant;
import java.util.List;

import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.map.BoundingBox;

/**
 * The violations as a map draws them: the OKS map page and the OKS layer of other modules' maps.
 * The map filters with the list's {@link ViolationQuery} (one SQL translation of it in the
 * service), so a filtered map and the list of the same filter hold the same cases.
 */
@org.osgi.annotation.versioning.ProviderType
public interface ViolationMap {

    /**
     * The cases of {@code query} the actor may see inside {@code area}: one by one, or counted in
     * grid cells when there are too many to draw (the service's {@code map.max.points}). The
     * query's sort, offset and limit do not apply; its empty status groups mean every current one.
     *
     * @throws OksException {@code FORBIDDEN} for a user without an OKS role
     */
    List<Marker> markers(PortalUser actor, ViolationQuery query, BoundingBox area, int zoom);

    /**
     * A case ({@code count} 1) or, when {@code count} &gt; 1, a cell of cases at their mean
     * position; a cell carries no id, group, type or action.
     *
     * @param lastAction   the action of the case's last journal row, with its code ("2-2")
     * @param lastActionAt when that step was taken
     */
    record Marker(Long violationId, double latitude, double longitude, int count, StatusGroup group,
            boolean overdue, String typeName, Instant createdAt, WorkflowAction lastAction, Instant lastActionAt) {

        public boolean isCell() {
            return count > 1;
        }
    }
}
