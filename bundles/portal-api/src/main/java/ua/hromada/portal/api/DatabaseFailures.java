package ua.hromada.portal.api;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The classification behind {@link ApiResponses#databaseUnavailable} and
 * {@link ApiResponses#databaseBusy}: a walk over everything a failure carries.
 */
final class DatabaseFailures {

    enum Kind {
        /** PostgreSQL out of reach: restarted, stopped, the connection broken mid-transaction. */
        UNREACHABLE,
        /** The pool had no free connection in time while PostgreSQL answers. */
        BUSY,
        OTHER
    }

    /** Enough for any real chain; a cycle the identity set does not catch ends here too. */
    private static final int MAX_VISITED = 100;

    private DatabaseFailures() {
    }

    static Kind of(Throwable failure) {
        boolean poolTimeout = false;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> open = new ArrayDeque<>();
        push(open, seen, failure);
        while (!open.isEmpty() && seen.size() <= MAX_VISITED) {
            Throwable t = open.pop();
            if (t instanceof SQLException sql) {
                if (connectionLost(sql)) {
                    return Kind.UNREACHABLE;
                }
                // HikariCP's "Connection is not available, request timed out": its SQLSTATE (and cause)
                // is the last failure to connect when there was one, none when the pool was just busy
                poolTimeout |= sql instanceof SQLTransientConnectionException;
                push(open, seen, sql.getNextException());
            }
            push(open, seen, t.getCause());
            for (Throwable suppressed : t.getSuppressed()) {
                push(open, seen, suppressed);
            }
        }
        return poolTimeout ? Kind.BUSY : Kind.OTHER;
    }

    private static boolean connectionLost(SQLException sql) {
        String state = sql.getSQLState();
        if (state != null && (state.startsWith("08") || state.matches("57P0[123]"))) {
            return true;
        }
        // JDBC's own type for class 08, for drivers that say it by type rather than by state
        return sql instanceof SQLNonTransientConnectionException;
    }

    private static void push(Deque<Throwable> open, Set<Throwable> seen, Throwable t) {
        if (t != null && seen.add(t)) {
            open.push(t);
        }
    }
}
