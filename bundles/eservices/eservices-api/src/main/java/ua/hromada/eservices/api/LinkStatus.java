package ua.hromada.eservices.api;

import java.time.Instant;

/**
 * The monitor's last word on a service: its state, the failures in a row so far and the last check
 * (null fields before the first one).
 *
 * @param statusCode the last answer's HTTP status, null when there was none (timeout, refused connection)
 * @param error      why the last check failed, null when it succeeded
 */
public record LinkStatus(LinkState state, int failuresInRow, Instant checkedAt, Integer statusCode, String error) {

    public static final LinkStatus UNCHECKED = new LinkStatus(LinkState.UNCHECKED, 0, null, null, null);

    public boolean broken() {
        return state == LinkState.BROKEN;
    }
}
