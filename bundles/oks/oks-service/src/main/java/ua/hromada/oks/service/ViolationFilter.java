package ua.hromada.oks.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.ViolationQuery;
import ua.hromada.oks.api.WorkflowAction;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.jdbc.Statements;

/**
 * A {@link ViolationQuery} and the actor's visibility as one SQL WHERE clause over
 * {@code oks.violation v} and the action {@code a} of its last journal row. The
 * list, the counts and every analytics cell use this one translation, so a cell's number and the
 * list it opens always agree.
 */
final class ViolationFilter {
    // status_kind/status_at: the last journal row's action and time, written with that row
    /** Each community has its row per action kind: joined within the violation's community (its key). */
    static final String FROM = " FROM oks.violation v JOIN oks.workflow_action a"
            + " ON a.community = v.community AND a.kind = v.status_kind";

    final String where;
    final List<Object> params;

    private ViolationFilter(String where, List<Object> params) {
        this.where = where;
        this.params = params;
    }

    /** Only the visibility of the actor (null actor: public read, everything). */
    static ViolationFilter visibility(PortalUser actor) {
        List<String> w = new ArrayList<>();
        List<Object> p = new ArrayList<>();
        visibility(actor, w, p);
        return new ViolationFilter(join(w), p);
    }

    /**
     * @param actions the action catalogue: conditions on the last action's group, code,
     *                effect or responsible group become a list of kinds, so the (status_kind, status_at) index serves them
     */
    static ViolationFilter of(PortalUser actor, ViolationQuery q, Clock clock, ZoneId zone, List<WorkflowAction> actions) {
        List<String> w = new ArrayList<>();
        List<Object> p = new ArrayList<>();
        visibility(actor, w, p);
        List<String> kinds = actions.stream()
                .filter(a -> q.groups().isEmpty() ? a.group() != StatusGroup.ARCHIVED : q.groups().contains(a.group()))
                .filter(a -> q.actionCode() == null || a.code() == q.actionCode())
                .filter(a -> q.effect() == null || a.effect() == q.effect())
                .filter(a -> q.responsible() == null || a.responsible() == q.responsible())
                .map(a -> "'" + a.key().replace("'", "''") + "'").toList();
        w.add(kinds.isEmpty() ? "false" : "v.status_kind IN (" + String.join(",", kinds) + ")");
        if (q.olderThanDays() != null) {
            w.add("v.status_at < ?");
            p.add(java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(q.olderThanDays()))));
        }
        if (q.typeId() != null) {
            w.add("v.type_id = ?");
            p.add(q.typeId());
        }
        if (q.executorId() != null && q.executorId() == ViolationQuery.NO_EXECUTOR) {
            w.add("v.executor_id IS NULL");
        } else if (q.executorId() != null) {
            w.add("v.executor_id = ?");
            p.add(q.executorId());
        }
        if (q.inspector() != null && !q.inspector().isBlank()) {
            // people know inspectors by the name the card shows; the login still works
            w.add("(lower(v.inspector) = lower(?) OR v.inspector_name ILIKE ?)");
            p.add(q.inspector().strip());
            p.add(contains(q.inspector().strip()));
        }
        if (q.overdue() != null) {
            String overdue = "(v.deadline < ? AND v.status_kind NOT IN " + ViolationStore.FINISHED_KEYS + ")";
            w.add(q.overdue() ? overdue : "NOT " + overdue.replace("v.deadline < ?", "coalesce(v.deadline < ?, false)"));
            p.add(java.sql.Date.valueOf(LocalDate.ofInstant(clock.instant(), zone)));
        }
        if (q.createdFrom() != null) {
            w.add("v.created_at >= ?");
            p.add(startOf(q.createdFrom(), zone));
        }
        if (q.createdTo() != null) {
            w.add("v.created_at < ?");
            p.add(startOf(q.createdTo().plusDays(1), zone));
        }
        if (q.confirmedFrom() != null || q.confirmedTo() != null) {
            // a confirmation is a step of an action with the effect CONFIRM (an added one too), as
            // confirmed_at is: the report's "fixed" and the list its number opens count the same
            StringBuilder s = new StringBuilder("EXISTS (SELECT 1 FROM oks.journal c WHERE c.violation_id = v.id"
                    + " AND c.action_kind IN (SELECT w.kind FROM oks.workflow_action w WHERE w.community = c.community"
                    + " AND w.effect = 'CONFIRM')");
            if (q.confirmedFrom() != null) {
                s.append(" AND c.at >= ?");
                p.add(startOf(q.confirmedFrom(), zone));
            }
            if (q.confirmedTo() != null) {
                s.append(" AND c.at < ?");
                p.add(startOf(q.confirmedTo().plusDays(1), zone));
            }
            w.add(s.append(')').toString());
        }
        if (q.text() != null && !q.text().isBlank()) {
            text(q.text().strip(), w, p);
        }
        return new ViolationFilter(join(w), p);
    }

    /**
     * Every term of the search box must match: a number is the case's ID or a whole number in the
     * description or address («№ 30» finds case 30 and «школа № 30»), {@code #30} only the ID, a
     * word any form of it at the start of a word there ({@link SearchText}).
     */
    private static void text(String t, List<String> w, List<Object> p) {
        List<SearchText.Term> terms = SearchText.parse(t);
        if (terms.isEmpty()) { // punctuation only: as typed
            w.add("(v.description ILIKE ? OR v.address ILIKE ?)");
            p.add(contains(t));
            p.add(contains(t));
            return;
        }
        String haystack = "(v.description || ' ' || v.address)";
        for (SearchText.Term term : terms) {
            switch (term.kind()) {
                case ID -> {
                    w.add("v.id = ?");
                    p.add(term.number());
                }
                case NUMBER -> {
                    w.add("(v.id = ? OR " + haystack + " ~ ?)");
                    p.add(term.number());
                    p.add(SearchText.wholeNumber(term.number()));
                }
                case WORD -> {
                    w.add(haystack + " ~* ?");
                    p.add(SearchText.wordStart(term.stem()));
                }
            }
        }
    }

    private static String contains(String t) {
        return Statements.containing(t);
    }

    private static void visibility(PortalUser actor, List<String> w, List<Object> p) {
        if (actor != null && !Access.seesAll(actor)) {
            // executors: only what is currently with one of their organisations
            w.add("v.executor_id IN (SELECT m.org_id FROM oks.executor_member m WHERE m.username = ?)");
            p.add(actor.username());
        }
    }

    static java.sql.Timestamp startOf(LocalDate day, ZoneId zone) {
        Instant i = day.atStartOfDay(zone).toInstant();
        return java.sql.Timestamp.from(i);
    }

    static String orderBy(ViolationQuery.Sort sort) {
        return switch (sort) {
            case NEWEST -> " ORDER BY v.created_at DESC, v.id DESC";
            case OLDEST -> " ORDER BY v.created_at, v.id";
            case DEADLINE -> " ORDER BY v.deadline NULLS LAST, v.id";
            case LAST_ACTION -> " ORDER BY v.status_at DESC, v.id DESC";
        };
    }

    private static String join(List<String> w) {
        return w.isEmpty() ? "" : " WHERE " + String.join(" AND ", w);
    }

    /** This filter's conditions plus one more (for the map's bounding box). */
    ViolationFilter and(String condition, List<Object> more) {
        List<Object> p = new ArrayList<>(params);
        p.addAll(more);
        return new ViolationFilter(where.isEmpty() ? " WHERE " + condition : where + " AND " + condition, p);
    }

    void bind(java.sql.PreparedStatement ps) throws java.sql.SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }
}
