package ua.hromada.crm.service.verification;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import ua.hromada.crm.service.CrmTestSetup;

/**
 * Rows of cards, applicants, cases, checklist lines and scans written straight into the schema
 * (V1–V3), as the cards', applicants' and cases' services would leave them, so the verification's
 * tests set up exactly the facts a rule reads. Shared with crm-verification's tests (test-jar).
 */
public final class VerificationFixture {
    private final CrmTestSetup setup;
    private final AtomicInteger numbers = new AtomicInteger();

    public VerificationFixture(CrmTestSetup setup) {
        this.setup = setup;
    }

    private long insert(String sql, Object... params) {
        return setup.database().tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql + " RETURNING id")) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** A card (free when {@code feeAmount} is null) of the role's unit. */
    public long card(String code, String name, String providerRole, java.math.BigDecimal feeAmount) {
        return insert("INSERT INTO crm.service_card (local_code, name, provider_kind, provider, provider_role, fee_kind,"
                + " fee_amount, term_days) VALUES (?, ?, 'COUNCIL_UNIT', 'Відділ', ?, ?, ?, 10)", code, name, providerRole,
                feeAmount == null ? "FREE" : "AMOUNT", feeAmount);
    }

    /** A person as the desk typed them. */
    public long person(String lastName, String firstName, LocalDate birthDate, String taxNumber, String documentType,
            String documentNumber, LocalDate documentExpiry, String registryNumber) {
        return insert("INSERT INTO crm.applicant (kind, last_name, first_name, birth_date, tax_number, document_type,"
                + " document_number, document_expiry, registry_number, created_at) VALUES ('PERSON', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                lastName, firstName, birthDate, taxNumber, documentType, documentNumber, documentExpiry, registryNumber,
                java.sql.Timestamp.from(Instant.now()));
    }

    public long organisation(String name, String edrpou) {
        return insert("INSERT INTO crm.applicant (kind, organisation_name, edrpou, last_name, first_name, created_at)"
                + " VALUES ('ORGANISATION', ?, ?, 'Петренко', 'Іван', ?)", name, edrpou, java.sql.Timestamp.from(Instant.now()));
    }

    /** A case of the card's version 1 with a request, its status as given. */
    public long caseOf(long applicantId, long cardId, String request, boolean byProxy, boolean feePaid, String status) {
        return insert("INSERT INTO crm.service_case (number, applicant_id, card_id, card_version, service_name, provider_kind,"
                + " provider, source, request, by_proxy, fee_paid, status, administrator, registered_at, deadline)"
                + " SELECT ?, ?, id, 1, name, provider_kind, provider, 'FRONT_DESK', ?, ?, ?, ?, 'admin1', ?, ? FROM crm.service_card"
                + " WHERE id = ?", "2026-" + numbers.incrementAndGet(), applicantId, request, byProxy, feePaid, status,
                java.sql.Timestamp.from(Instant.parse("2026-03-02T09:00:00Z")), LocalDate.of(2026, 3, 16), cardId);
    }

    public long document(long caseId, String name, String kind, String condition, boolean received) {
        return insert("INSERT INTO crm.case_document (case_id, position, name, kind, condition, received)"
                + " VALUES (?, (SELECT count(*) FROM crm.case_document WHERE case_id = ?), ?, ?, ?, ?)", caseId, caseId, name,
                kind, condition, received);
    }

    public long scan(long caseId, long documentId, String fileName, String contentType, byte[] content) {
        return insert("INSERT INTO crm.case_scan (case_id, document_id, file_name, content_type, size, content, uploaded_at,"
                + " uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, 'admin1')", caseId, documentId, fileName, contentType,
                (long) content.length, content, java.sql.Timestamp.from(Instant.now()));
    }

    public void execute(String sql, Object... params) {
        setup.database().tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                return ps.executeUpdate();
            }
        });
    }

    /** A valid РНОКПП of a person born that day: the day count, four digits of a serial, the check digit. */
    public static String taxNumber(LocalDate birthDate, String serial) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 31), birthDate);
        String nine = String.format("%05d", days) + serial;
        return nine + ua.hromada.crm.api.Identifiers.taxNumberCheckDigit(nine);
    }

    /** The same number with its last digit wrong (fails the check digit). */
    public static String wrongCheckDigit(String taxNumber) {
        char last = taxNumber.charAt(9);
        return taxNumber.substring(0, 9) + (char) ('0' + (last - '0' + 1) % 10);
    }
}
