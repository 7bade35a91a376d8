package ua.hromada.oks.adminui.analytics;

import ua.hromada.oks.api.ViolationQuery;

/**
 * One number of an analytics table.
 *
 * @param query     the list that shows what the number counts; null when no filter can express it
 *                  (e.g. "no executor yet" in the report)
 * @param highlight the number flags cases waiting too long
 */
public record Cell(long value, ViolationQuery query, boolean highlight) {

    public static Cell of(long value, ViolationQuery query) {
        return new Cell(value, query, false);
    }

    /** An age column: highlighted when any case waits that long. */
    public static Cell aged(long value, ViolationQuery query) {
        return new Cell(value, query, value > 0);
    }

    public boolean linked() {
        return query != null;
    }
}
