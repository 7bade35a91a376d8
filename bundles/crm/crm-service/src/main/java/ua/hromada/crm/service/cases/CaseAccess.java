package ua.hromada.crm.service.cases;

import java.util.Collections;
import java.util.List;

import ua.hromada.crm.api.CaseQuery;
import ua.hromada.crm.api.CaseStatus;
import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.CrmPermissions;
import ua.hromada.crm.api.ServiceCase;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.jdbc.SqlCondition;
import ua.hromada.portal.api.jdbc.Statements;

/**
 * Who sees and moves which case: the front desk (administrator) and the head see every case of the
 * community; a back-office executor only the cases handed over to one of the user's roles; anyone
 * else nothing.
 */
final class CaseAccess {

    private CaseAccess() {
    }

    static boolean seesAll(PortalUser user) {
        return user.hasPermission(CrmPermissions.ADMINISTRATOR) || user.hasPermission(CrmPermissions.HEAD);
    }

    static boolean backOffice(PortalUser user) {
        return user.hasPermission(CrmPermissions.BACK_OFFICE);
    }

    /** Refuses a user with no CRM role at all. */
    static void requireAny(PortalUser user) {
        if (!seesAll(user) && !backOffice(user)) {
            throw forbidden();
        }
    }

    static void requireAdministrator(PortalUser user) {
        if (!user.hasPermission(CrmPermissions.ADMINISTRATOR)) {
            throw forbidden();
        }
    }

    static CrmException forbidden() {
        return new CrmException(Reason.FORBIDDEN, "crm.error.forbidden");
    }

    /** The case handed over to one of the user's back-office roles. */
    static boolean inRoles(PortalUser user, ServiceCase c) {
        return backOffice(user) && c.status() != CaseStatus.REGISTERED && !c.backOfficeRole().isEmpty()
                && user.roles().contains(c.backOfficeRole());
    }

    static boolean sees(PortalUser user, ServiceCase c) {
        return seesAll(user) || inRoles(user, c);
    }

    /** Joins the fields of the search columns (V6__performance.sql); a text holding it is matched field by field. */
    private static final char SEARCH_SEPARATOR = '\u001f';

    /** The shortest text matched through the trigram indexes (V8__search_index.sql): a shorter one has no trigram. */
    static final int INDEXED_TEXT = 3;

    /** The applicants whose lower-cased fields (applicant.search, V6) hold the text, lower-cased, read row by row. */
    private static final String APPLICANTS_MATCHING = "IN (SELECT a2.id FROM crm.applicant a2"
            + " WHERE strpos(a2.search, (SELECT lower(?))) > 0)";

    /** A case_search row (alias cs) whose case or applicant holds the (short) text; the text twice. */
    private static final String CASE_SEARCH_MATCH = "strpos(cs.search, (SELECT lower(?))) > 0 OR cs.applicant_id "
            + APPLICANTS_MATCHING;

    /**
     * The ids of the current community's cases holding the (indexed) text, through V8's trigram indexes:
     * a SECURITY DEFINER function, restricted to the community the policy shows; in a select list, so a
     * LIMIT above it stops it early.
     */
    static final String CASES_MATCHING = "SELECT crm.cases_matching(?)";

    /**
     * How a query matches its text. {@code IDS}: the cases among those the text's ids name — for a count, and
     * for a page of a text with few matches. {@code ROWS}: each case tested on its row, newest first, so a page
     * stops at its last — for a page of a text many cases hold (the applicants still looked up by index).
     */
    enum TextMatch {
        IDS, ROWS
    }

    /** The query's text, stripped; empty for none. */
    static String text(CaseQuery q) {
        return q.text() == null ? "" : q.text().strip();
    }

    /** A text the trigram indexes can look up (V8); others are matched row by row as V6 does. */
    static boolean indexed(String text) {
        return text.codePointCount(0, text.length()) >= INDEXED_TEXT && text.indexOf(SEARCH_SEPARATOR) < 0;
    }

    /**
     * The count of a query that filters by the text alone, as a user who sees every case: the text's matches
     * counted without looking each case up (an indexed text: V8's ids; a short one: case_search, which holds
     * exactly one row per case). Empty when anything else filters the cases (then {@link #where} with
     * {@code IDS}); its sql is the query's {@code FROM …}, after the caller's {@code SELECT count(*)} or
     * {@code SELECT 1}.
     */
    static java.util.Optional<SqlCondition> textOnlyCount(PortalUser user, CaseQuery q) {
        String text = text(q);
        if (!seesAll(user) || q.mine() || q.status() != null || q.overdue() || q.cardId() > 0 || text.isEmpty()
                || text.indexOf(SEARCH_SEPARATOR) >= 0) {
            return java.util.Optional.empty();
        }
        if (indexed(text)) {
            return java.util.Optional.of(SqlCondition.of(" FROM (" + CASES_MATCHING + ") m", text));
        }
        return java.util.Optional.of(SqlCondition.of(" FROM crm.case_search cs WHERE " + CASE_SEARCH_MATCH, text, text));
    }

    /**
     * The visible cases matching the query (over {@link CaseStore#SELECT}'s aliases); {@code today} decides what
     * is overdue; the text as {@code match} says.
     */
    static SqlCondition where(PortalUser user, CaseQuery q, java.time.LocalDate today, TextMatch match) {
        requireAny(user);
        SqlCondition.Builder w = SqlCondition.builder();
        boolean onlyRoles = !seesAll(user) || q.mine();
        if (onlyRoles) {
            // a role of the user that has the case; the roles are few, so one parameter each
            List<String> roles = backOffice(user) ? List.copyOf(user.roles()) : List.of();
            if (roles.isEmpty()) {
                w.and("false");
            } else {
                w.and("s.handed_over_at IS NOT NULL AND s.back_office_role IN ("
                        + String.join(", ", roles.stream().map(r -> "?").toList()) + ")", roles);
            }
        }
        if (q.status() != null) {
            w.and("s.status = ?", q.status().name());
        }
        if (q.overdue()) {
            w.and("s.status IN ('REGISTERED', 'IN_BACK_OFFICE') AND s.deadline < ?", today);
        }
        if (q.cardId() > 0) {
            w.and("s.card_id = ?", q.cardId());
        }
        String text = text(q);
        if (indexed(text) && match == TextMatch.IDS) {
            w.and("s.id IN (" + CASES_MATCHING + ")", text);
        } else if (indexed(text)) {
            // the same match as each field ILIKE '%text%', over the lower-cased fields V6 keeps (see there)
            w.and("strpos(s.search, (SELECT lower(?))) > 0 OR s.applicant_id IN (SELECT crm.applicants_matching(?))",
                    text, text);
        } else if (!text.isEmpty() && text.indexOf(SEARCH_SEPARATOR) < 0) {
            // a text too short for a trigram: row by row, counted over the narrow case_search (V6)
            w.and(match == TextMatch.IDS ? "s.id IN (SELECT cs.case_id FROM crm.case_search cs WHERE "
                    + CASE_SEARCH_MATCH + ")" : "strpos(s.search, (SELECT lower(?))) > 0 OR s.applicant_id "
                    + APPLICANTS_MATCHING, text, text);
        } else if (!text.isEmpty()) {
            String like = Statements.containing(text);
            w.and("s.number ILIKE ? OR s.service_name ILIKE ? OR s.appeal_number ILIKE ? OR a.last_name ILIKE ?"
                    + " OR a.organisation_name ILIKE ? OR a.tax_number ILIKE ? OR a.edrpou ILIKE ?",
                    Collections.nCopies(7, like));
        }
        return w.build();
    }
}
