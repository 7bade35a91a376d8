package ua.hromada.crm.service.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ua.hromada.crm.api.CaseQuery;
import ua.hromada.crm.api.FeeKind;
import ua.hromada.crm.api.ServiceCard;
import ua.hromada.crm.api.ServiceCase;
import ua.hromada.crm.service.CrmTestSetup;
import ua.hromada.portal.api.community.CommunityScope;

/**
 * The case list's text search through V8's trigram indexes (SECURITY DEFINER functions outside the
 * row-level security) keeps each community to its own cases: community b's case has the same surname
 * and even the same number as the default community's, and is newer, so a leak would head every page.
 */
class CaseSearchTest {
    @AutoClose
    private final CrmTestSetup setup = new CrmTestSetup();
    private CaseFixture fixture;

    @BeforeEach
    void setUp() {
        setup.communities().add("b");
        fixture = new CaseFixture(setup);
    }

    @Test
    void aSearchNeverReturnsAnotherCommunitysCaseByIdsOrRowByRow() throws SQLException {
        fixture.at(LocalDate.of(2027, 3, 1), LocalTime.of(10, 0));
        ServiceCase ours = fixture.open(fixture.landCard(FeeKind.FREE, 5), "Шевченко");
        fixture.at(LocalDate.of(2027, 3, 2), LocalTime.of(10, 0));
        ServiceCase theirs;
        try (CommunityScope b = setup.communities().enter("b")) {
            ServiceCard card = fixture.landCard(FeeKind.FREE, 5);
            theirs = fixture.open(card, "Шевченко");
        }
        assertEquals(ours.number(), theirs.number(), "numbers run per community: both are the year's first");

        // few matches: looked up by id (an applicant's name, a number, a short text row by row)
        for (String text : List.of("шевченко", ours.number(), "Ше")) {
            CaseQuery q = query(text);
            assertEquals(List.of(ours.id()), ids(setup.cases().find(setup.head, q, 0, 50)), text);
            assertEquals(1, setup.cases().count(setup.head, q), text);
            assertEquals(1, setup.cases().countUpTo(setup.head, q, 1000), text);
            try (CommunityScope b = setup.communities().enter("b")) {
                assertEquals(List.of(theirs.id()), ids(setup.cases().find(setup.head, q, 0, 50)), text);
                assertEquals(1, setup.cases().count(setup.head, q), text);
            }
        }

        // many matches (more than a page looks up by id): the newest rows tested one by one
        copies(ours.id(), CasesImpl.FEW_MATCHES);
        CaseQuery many = query("Шевченко");
        List<Long> page = ids(setup.cases().find(setup.head, many, 0, 50));
        assertEquals(50, page.size());
        assertEquals(ours.id(), page.get(0), "the community's newest; b's newer case is not shown");
        assertTrue(!page.contains(theirs.id()));
        assertEquals(CasesImpl.FEW_MATCHES + 1, setup.cases().count(setup.head, many));
        assertEquals(1001, setup.cases().countUpTo(setup.head, many, 1000));
        try (CommunityScope b = setup.communities().enter("b")) {
            assertEquals(List.of(theirs.id()), ids(setup.cases().find(setup.head, many, 0, 50)));
            assertEquals(1, setup.cases().count(setup.head, many));
            assertEquals(1, setup.cases().countUpTo(setup.head, many, 1000));
        }

        // the functions themselves: the connection's community only, none without one
        assertEquals(List.of(1L, 0L, 0L), List.of(matching("b"), matching(""), matching(null)));
    }

    private static CaseQuery query(String text) {
        return new CaseQuery(null, false, 0, text, false);
    }

    private static List<Long> ids(List<ServiceCase> cases) {
        return cases.stream().map(ServiceCase::id).toList();
    }

    /** {@code n} older copies of the case, in its community (as the owner: triggers keep case_search). */
    private void copies(long caseId, int n) {
        String columns = "applicant_id, card_id, card_version, service_name, provider_kind, provider, back_office_role,"
                + " refusal_grounds, source, appeal_number, request, by_proxy, fee_paid, status, administrator,"
                + " administrator_name, deadline";
        setup.execute("INSERT INTO crm.service_case (community, number, registered_at, " + columns + ")"
                + " SELECT community, number || '-' || g, registered_at - g * interval '1 minute', " + columns
                + " FROM crm.service_case, generate_series(1, " + n + ") g WHERE id = " + caseId);
    }

    /** The count crm.cases_matching gives hromada_app with the community setting {@code community} (null: unset). */
    private long matching(String community) throws SQLException {
        try (Connection c = setup.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SET ROLE hromada_app");
            s.execute(community == null ? "RESET hromada.community" : "SET hromada.community = '" + community + "'");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM crm.cases_matching('Шевченко')")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
