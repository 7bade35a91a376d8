package ua.hromada.opendata.audit;

import java.time.LocalDate;
import java.time.ZoneId;

import ua.hromada.opendata.audit.rules.LinkChecker;
import ua.hromada.portal.api.jdbc.Statements;

/**
 * The community's link checks for the day, counted in the database (every run and node of the
 * community together): one taken per address checked until {@code perDay} are used. Once refused,
 * a run asks no more (the day does not get more checks back).
 */
final class LinkBudget implements LinkChecker.Budget {
    /** Days of counts kept (only today's matters; a few more to read in the database). */
    private static final int DAYS_KEPT = 7;

    private final AuditDatabase db;
    private final ZoneId zone;
    private final int perDay;
    private volatile boolean spent;

    LinkBudget(AuditDatabase db, ZoneId zone, int perDay) {
        this.db = db;
        this.zone = zone;
        this.perDay = perDay;
        LocalDate today = today();
        db.tx(c -> {
            try (var ps = c.prepareStatement("DELETE FROM opendata_audit.link_budget WHERE day < ?")) {
                ps.setObject(1, today.minusDays(DAYS_KEPT));
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public boolean take() {
        if (spent) {
            return false;
        }
        // one statement: concurrent runs (another node) never take more than the day has
        boolean taken = db.tx(c -> Statements.first(c, "INSERT INTO opendata_audit.link_budget AS b (day, used)"
                + " SELECT ?, 1 WHERE ? > 0 ON CONFLICT (community, day) DO UPDATE SET used = b.used + 1"
                + " WHERE b.used < ? RETURNING used", rs -> rs.getInt(1), today(), perDay, perDay).isPresent());
        if (!taken) {
            spent = true;
        }
        return taken;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(db.clock().instant(), zone);
    }
}
