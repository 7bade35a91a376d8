package ua.hromada.crm.service.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.Finding;
import ua.hromada.crm.api.FindingSeverity;
import ua.hromada.crm.service.CrmTestSetup;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.jdbc.Statements;

/**
 * Every rule over the card and the applicant firing and not firing, on real PostgreSQL: findings
 * stored and resolved, overrides with a reason journalled and audited, permissions. The scans'
 * cross-check with the real tesseract is tested in crm-verification (ScanVerificationTest).
 */
class VerificationImplTest {
    private static final LocalDate BORN = LocalDate.of(1985, 3, 15);
    private CrmTestSetup setup;
    private VerificationFixture fx;
    private VerificationImpl verification;
    private long card;
    private long paidCard;

    @BeforeEach
    void setUp() {
        setup = new CrmTestSetup();
        fx = new VerificationFixture(setup);
        verification = setup.verification();
        card = fx.card("RM-01", "Реєстрація місця проживання особи", "reiestratsiia", null);
        paidCard = fx.card("NR-03", "Державна реєстрація права власности", "derzhreiestratsiia", new BigDecimal("120.00"));
    }

    @AfterEach
    void tearDown() {
        setup.close();
    }

    private long goodPerson() {
        return fx.person("Шевченко", "Олена", BORN, VerificationFixture.taxNumber(BORN, "0123"), "ID_CARD", "001234567",
                setup.settings().today().plusYears(5), "19850315-01234");
    }

    private static Set<String> rules(List<Finding> findings) {
        return findings.stream().map(Finding::rule).collect(Collectors.toSet());
    }

    @Test
    void aCleanCaseFiresNothing() {
        long c = fx.caseOf(goodPerson(), card, "прописатися", false, false, "REGISTERED");
        fx.document(c, "Заява", "OTHER", "ALWAYS", true);
        fx.document(c, "Довіреність", "PROXY", "BY_PROXY", false); // not by proxy: not asked for
        fx.document(c, "Статут", "OTHER", "LEGAL_ENTITY", false); // a person: not asked for
        assertEquals(List.of(), verification.verify(setup.administrator, c));
        assertEquals(List.of(), verification.unresolved(setup.head, c));
    }

    @Test
    void missingDocumentFiresWithTheLineNamed() {
        long c = fx.caseOf(goodPerson(), card, "", true, false, "REGISTERED");
        fx.document(c, "Довіреність, посвідчена нотаріально", "PROXY", "BY_PROXY", false);
        List<Finding> found = verification.verify(setup.administrator, c);
        assertEquals(1, found.size());
        Finding f = found.get(0);
        assertEquals("missing-document", f.rule());
        assertEquals(FindingSeverity.ERROR, f.severity());
        assertTrue(f.message().contains("«Довіреність, посвідчена нотаріально»"), f.message());
        assertEquals(found, verification.unresolved(setup.administrator, c));

        fx.execute("UPDATE crm.case_document SET received = true WHERE case_id = ?", c);
        assertEquals(List.of(), verification.verify(setup.administrator, c));
        // the caught error stays counted, resolved
        assertEquals(1L, count("SELECT count(*) FROM crm.case_finding WHERE case_id = " + c
                + " AND rule = 'missing-document' AND resolved_at IS NOT NULL"));
    }

    @Test
    void identifierCheckDigitsAndBirthDate() {
        String valid = VerificationFixture.taxNumber(BORN, "0123");
        long wrongDigit = fx.person("Коваль", "Іван", BORN, VerificationFixture.wrongCheckDigit(valid), "ID_CARD",
                "001234567", null, "");
        Finding tax = verification.verify(setup.administrator, fx.caseOf(wrongDigit, card, "", false, false, "REGISTERED"))
                .get(0);
        assertEquals("tax-number-check-digit", tax.rule());
        assertTrue(tax.message().contains(VerificationFixture.wrongCheckDigit(valid)) && tax.message()
                .contains("має бути " + valid.charAt(9)), tax.message());

        long otherBirth = fx.person("Коваль", "Петро", BORN.plusDays(1), valid, "ID_CARD", "001234567", null, "");
        Finding birth = verification.verify(setup.administrator, fx.caseOf(otherBirth, card, "", false, false, "REGISTERED"))
                .get(0);
        assertEquals("birth-date-mismatch", birth.rule());
        assertTrue(birth.message().contains("16.03.1985") && birth.message().contains("15.03.1985"), birth.message());

        long badOrg = fx.organisation("ТОВ «Світанок»", "32855962");
        assertEquals(Set.of("edrpou-check-digit"), rules(verification.verify(setup.administrator,
                fx.caseOf(badOrg, card, "", false, false, "REGISTERED"))));
        long goodOrg = fx.organisation("ТОВ «Світанок»", "32855961");
        assertEquals(Set.of(), rules(verification.verify(setup.administrator,
                fx.caseOf(goodOrg, card, "", false, false, "REGISTERED"))));
    }

    @Test
    void expiredDocumentFeeAndDuplicate() {
        long expired = fx.person("Шевченко", "Олена", BORN, VerificationFixture.taxNumber(BORN, "0123"), "ID_CARD",
                "001234567", setup.settings().today().minusDays(1), "");
        assertEquals(Set.of("document-expired"), rules(verification.verify(setup.administrator,
                fx.caseOf(expired, card, "", false, false, "REGISTERED"))));

        long person = goodPerson();
        long unpaid = fx.caseOf(person, paidCard, "", false, false, "REGISTERED");
        Finding fee = verification.verify(setup.administrator, unpaid).get(0);
        assertEquals("fee-not-paid", fee.rule());
        assertTrue(fee.message().contains("120,00 грн"), fee.message());
        assertEquals(List.of(), verification.verify(setup.administrator, fx.caseOf(person, paidCard, "", false, true,
                "ISSUED")).stream().filter(f -> f.rule().equals("fee-not-paid")).toList());

        // the unpaid case is open: a second one of the same card is a duplicate (a warning), an issued one is not
        long second = fx.caseOf(person, paidCard, "", false, true, "REGISTERED");
        List<Finding> dup = verification.verify(setup.administrator, second);
        assertEquals(Set.of("duplicate-open-case"), rules(dup));
        assertEquals(FindingSeverity.WARNING, dup.get(0).severity());
        assertEquals(List.of(), verification.unresolved(setup.administrator, second), "a warning holds nothing");
        assertEquals(List.of(), verification.verify(setup.administrator, fx.caseOf(person, card, "", false, false,
                "REGISTERED")), "another card is no duplicate");
    }

    @Test
    void overrideNeedsAReasonIsJournalledAuditedAndKept() {
        long c = fx.caseOf(goodPerson(), card, "", false, false, "REGISTERED");
        fx.document(c, "Заява", "OTHER", "ALWAYS", false);
        Finding f = verification.verify(setup.administrator, c).get(0);

        CrmException shortReason = assertThrows(CrmException.class,
                () -> verification.override(setup.administrator, c, f.rule(), f.subject(), "бо так"));
        assertEquals("crm.check.reasonShort", shortReason.fieldErrors().get("reason"));
        assertEquals(Reason.FORBIDDEN, assertThrows(CrmException.class,
                () -> verification.override(setup.executor, c, f.rule(), f.subject(), "Заява подана через Дію")).reason());
        assertEquals(Reason.NOT_FOUND, assertThrows(CrmException.class, () -> verification.override(setup.administrator,
                c, "fee-not-paid", "оплата", "Оплату внесено в банку")).reason());

        verification.override(setup.administrator, c, f.rule(), f.subject(), "  Заява надійде через Дію до вечора ");
        Finding overridden = verification.findings(setup.head, c).get(0);
        assertTrue(overridden.overridden());
        assertEquals("Заява надійде через Дію до вечора", overridden.overrideReason());
        assertEquals("admin1", overridden.overriddenBy());
        assertEquals(List.of(), verification.unresolved(setup.administrator, c), "overridden: holds nothing");
        assertTrue(verification.verify(setup.administrator, c).get(0).overridden(), "the override outlives a new run");

        assertEquals(1L, count("SELECT count(*) FROM crm.case_step WHERE case_id = " + c
                + " AND action = 'override' AND detail LIKE '%Заява надійде через Дію%'"));
        assertEquals(1L, count("SELECT count(*) FROM crm.case_step WHERE case_id = " + c + " AND action = 'check-fired'"),
                "fired once, journalled once");
        assertTrue(setup.audit().entries().stream().anyMatch(e -> e.action().equals("override")
                && e.entityId().equals(Long.toString(c)) && e.changes().contains("missing-document")));
    }

    @Test
    void onlyAdministratorsAndTheHeadVerify() {
        long c = fx.caseOf(goodPerson(), card, "", false, false, "REGISTERED");
        assertEquals(Reason.FORBIDDEN, assertThrows(CrmException.class,
                () -> verification.verify(setup.stranger, c)).reason());
        assertEquals(Reason.FORBIDDEN, assertThrows(CrmException.class,
                () -> verification.findings(setup.executor, c)).reason());
        assertEquals(Reason.NOT_FOUND, assertThrows(CrmException.class,
                () -> verification.verify(setup.head, c + 1000)).reason());
    }

    @Test
    void aScanWithoutTheOcrModuleIsReportedNotRead() {
        long c = fx.caseOf(goodPerson(), card, "", false, false, "REGISTERED");
        long d = fx.document(c, "Паспорт", "IDENTITY", "ALWAYS", true);
        long scan = fx.scan(c, d, "pasport.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Finding f = verification.verify(setup.administrator, c).get(0);
        assertEquals("scan-unreadable", f.rule());
        assertEquals(FindingSeverity.WARNING, f.severity());
        assertEquals(scan, f.scanId());
        assertTrue(f.message().contains("pasport.png") && f.message().contains("crm-verification"), f.message());
    }

    private long count(String sql) {
        return setup.database().read(c -> Statements.first(c, sql, rs -> rs.getLong(1)).orElseThrow());
    }
}
