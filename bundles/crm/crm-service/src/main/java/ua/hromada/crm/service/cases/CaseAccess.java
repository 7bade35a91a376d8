package ua.hromada.crm.service.cases;

import java.util.ArrayList;
import java.util.List;

import ua.hromada.crm.api.CaseQuery;
import ua.hromada.crm.api.CaseStatus;
import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.CrmPermissions;
import ua.hromada.crm.api.ServiceCase;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.PortalUser;
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

    /** The applicants whose lower-cased fields (applicant.search, V6) hold the text, lower-cased. */
    private static final String APPLICANTS_MATCHING = "IN (SELECT a2.id FROM crm.applicant a2"
            + " WHERE strpos(a2.search, (SELECT lower(?))) > 0)";

    /** A case_search row (alias cs) whose case or applicant holds the text; the text twice. */
    private static final String CASE_SEARCH_MATCH = "strpos(cs.search, (SELECT lower(?))) > 0 OR cs.applicant_id "
            + APPLICANTS_MATCHING;

    /**
     * The count of a query that filters by the text alone, as a user who sees every case: case_search (V6)
     * holds exactly one row per case (inserted and updated by triggers, deleted with its case), so its
     * matching rows are counted without looking each case up (20 000 look-ups fewer for a common surname).
     * Empty when anything else filters the cases (then {@link #where} with {@code forCount}); its sql is the
     * query's {@code FROM … WHERE …}, after the caller's {@code SELECT count(*)} or {@code SELECT 1}.
     */
    static java.util.Optional<Where> textOnlyCount(PortalUser user, CaseQuery q) {
        String text = q.text() == null ? "" : q.text().strip();
        if (!seesAll(user) || q.mine() || q.status() != null || q.overdue() || q.cardId() > 0 || text.isEmpty()
                || text.indexOf(SEARCH_SEPARATOR) >= 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Where(" FROM crm.case_search cs WHERE " + CASE_SEARCH_MATCH,
                List.of(text, text)));
    }

    /** A WHERE clause (over {@link CaseStore#SELECT}'s aliases) and its parameters. */
    record Where(String sql, List<Object> params) {
    }

    /** The visible cases matching the query; {@code today} decides what is overdue. */
    static Where where(PortalUser user, CaseQuery q, java.time.LocalDate today) {
        return where(user, q, today, false);
    }

    /**
     * The same cases; {@code forCount}: the text matched through the narrow case_search (V6), cheaper when
     * every match is counted, whereas a page reads the case's own row and stops at its last.
     */
    static Where where(PortalUser user, CaseQuery q, java.time.LocalDate today, boolean forCount) {
        requireAny(user);
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        boolean onlyRoles = !seesAll(user) || q.mine();
        if (onlyRoles) {
            // a role of the user that has the case; the roles are few, so one parameter each
            List<String> roles = backOffice(user) ? List.copyOf(user.roles()) : List.of();
            if (roles.isEmpty()) {
                parts.add("false");
            } else {
                parts.add("s.handed_over_at IS NOT NULL AND s.back_office_role IN ("
                        + String.join(", ", roles.stream().map(r -> "?").toList()) + ")");
                params.addAll(roles);
            }
        }
        if (q.status() != null) {
            parts.add("s.status = ?");
            params.add(q.status().name());
        }
        if (q.overdue()) {
            parts.add("s.status IN ('REGISTERED', 'IN_BACK_OFFICE') AND s.deadline < ?");
            params.add(today);
        }
        if (q.cardId() > 0) {
            parts.add("s.card_id = ?");
            params.add(q.cardId());
        }
        String text = q.text() == null ? "" : q.text().strip();
        if (!text.isEmpty() && text.indexOf(SEARCH_SEPARATOR) < 0) {
            // the same match as each field ILIKE '%text%', over the lower-cased fields V6 keeps (see there)
            parts.add(forCount ? "s.id IN (SELECT cs.case_id FROM crm.case_search cs WHERE " + CASE_SEARCH_MATCH + ")"
                    : "(strpos(s.search, (SELECT lower(?))) > 0 OR s.applicant_id " + APPLICANTS_MATCHING + ")");
            params.add(text);
            params.add(text);
        } else if (!text.isEmpty()) {
            String like = Statements.containing(text);
            parts.add("(s.number ILIKE ? OR s.service_name ILIKE ? OR s.appeal_number ILIKE ? OR a.last_name ILIKE ?"
                    + " OR a.organisation_name ILIKE ? OR a.tax_number ILIKE ? OR a.edrpou ILIKE ?)");
            for (int i = 0; i < 7; i++) {
                params.add(like);
            }
        }
        return new Where(parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts), params);
    }
}
