package ua.hromada.crm.service.applicants;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import ua.hromada.crm.api.Applicant;
import ua.hromada.crm.api.ApplicantKind;
import ua.hromada.crm.api.IdentityDocumentType;
import ua.hromada.portal.api.jdbc.SqlCondition;
import ua.hromada.portal.api.jdbc.Statements;
import ua.hromada.portal.api.jdbc.Versioned;

/** The SQL of the applicants; the caller holds the transaction. */
final class ApplicantStore {
    static final String TABLE = "crm.applicant";
    private static final String COLUMNS = "a.id, a.kind, a.last_name, a.first_name, a.patronymic, a.birth_date,"
            + " a.tax_number, a.document_type, a.document_number, a.document_expiry, a.registry_number,"
            + " a.organisation_name, a.edrpou, a.phone, a.email, a.address, a.version";
    private static final String ORDER = " ORDER BY lower(coalesce(nullif(a.organisation_name, ''), a.last_name)),"
            + " lower(a.first_name), a.id";
    /** Most rows a list or the duplicates answer. */
    static final int MAX_LIMIT = 500;

    private ApplicantStore() {
    }

    private static SqlCondition where(String text) {
        SqlCondition.Builder w = SqlCondition.builder();
        String typed = text == null ? "" : text.strip();
        // every word typed is found in one of the fields, in any order
        for (String word : typed.isEmpty() ? new String[0] : typed.split("\\s+")) {
            w.and("a.last_name ILIKE ? OR a.first_name ILIKE ? OR a.patronymic ILIKE ?"
                    + " OR a.organisation_name ILIKE ? OR a.tax_number LIKE ? OR a.edrpou LIKE ?"
                    + " OR a.document_number ILIKE ? OR a.phone LIKE ?", Collections.nCopies(8, Statements.containing(word)));
        }
        return w.build();
    }

    static List<Applicant> find(Connection c, String text, int offset, int limit) throws SQLException {
        SqlCondition w = where(text);
        return Statements.list(c, "SELECT " + COLUMNS + " FROM " + TABLE + " a" + w.where() + ORDER
                + " LIMIT ? OFFSET ?", ApplicantStore::applicant,
                w.paramsThen(Math.max(0, Math.min(limit, MAX_LIMIT)), Math.max(0, offset)));
    }

    static int count(Connection c, String text) throws SQLException {
        SqlCondition w = where(text);
        return Statements.first(c, "SELECT count(*) FROM " + TABLE + " a" + w.where(), rs -> rs.getInt(1),
                w.paramsThen()).orElse(0);
    }

    static Optional<Applicant> get(Connection c, long id) throws SQLException {
        return Statements.first(c, "SELECT " + COLUMNS + " FROM " + TABLE + " a WHERE a.id = ?",
                ApplicantStore::applicant, id);
    }

    /**
     * Others that are probably the same: the same РНОКПП, ЄДРПОУ or identity document, or (a person)
     * the same last and first names and birth date.
     */
    static List<Applicant> duplicates(Connection c, Applicant a) throws SQLException {
        List<String> or = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (!a.taxNumber().isEmpty()) {
            or.add("a.tax_number = ?");
            params.add(a.taxNumber());
        }
        if (!a.edrpou().isEmpty()) {
            or.add("a.edrpou = ?");
            params.add(a.edrpou());
        }
        if (a.documentType() != null && !a.documentNumber().isEmpty()) {
            or.add("(a.document_type = ? AND a.document_number = ?)");
            params.add(a.documentType().name());
            params.add(a.documentNumber());
        }
        if (a.kind() == ApplicantKind.PERSON && a.birthDate() != null && !a.lastName().isEmpty()
                && !a.firstName().isEmpty()) {
            or.add("(a.kind = 'PERSON' AND lower(a.last_name) = lower(?) AND lower(a.first_name) = lower(?)"
                    + " AND a.birth_date = ?)");
            params.add(a.lastName());
            params.add(a.firstName());
            params.add(Date.valueOf(a.birthDate()));
        }
        if (or.isEmpty()) {
            return List.of();
        }
        params.add(a.id());
        return Statements.list(c, "SELECT " + COLUMNS + " FROM " + TABLE + " a WHERE (" + String.join(" OR ", or)
                + ") AND a.id <> ?" + ORDER + " LIMIT " + MAX_LIMIT, ApplicantStore::applicant, params.toArray());
    }

    static long insert(Connection c, Applicant a, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (kind, last_name, first_name,"
                + " patronymic, birth_date, tax_number, document_type, document_number, document_expiry, registry_number,"
                + " organisation_name, edrpou, phone, email, address, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            bind(ps, a);
            ps.setTimestamp(16, Timestamp.from(at));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static void update(Connection c, Applicant a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET kind = ?, last_name = ?,"
                + " first_name = ?, patronymic = ?, birth_date = ?, tax_number = ?, document_type = ?,"
                + " document_number = ?, document_expiry = ?, registry_number = ?, organisation_name = ?, edrpou = ?,"
                + " phone = ?, email = ?, address = ?, " + Versioned.BUMP + " WHERE id = ? AND " + Versioned.COLUMN
                + " = ?")) {
            bind(ps, a);
            ps.setLong(16, a.id());
            ps.setLong(17, a.version());
            Versioned.check(ps.executeUpdate(), "applicant", a.id());
        }
    }

    private static void bind(PreparedStatement ps, Applicant a) throws SQLException {
        ps.setString(1, a.kind().name());
        ps.setString(2, a.lastName());
        ps.setString(3, a.firstName());
        ps.setString(4, a.patronymic());
        setDate(ps, 5, a.birthDate());
        ps.setString(6, a.taxNumber());
        ps.setString(7, a.documentType() == null ? null : a.documentType().name());
        ps.setString(8, a.documentNumber());
        setDate(ps, 9, a.documentExpiry());
        ps.setString(10, a.registryNumber());
        ps.setString(11, a.organisationName());
        ps.setString(12, a.edrpou());
        ps.setString(13, a.phone());
        ps.setString(14, a.email());
        ps.setString(15, a.address());
    }

    private static void setDate(PreparedStatement ps, int index, LocalDate date) throws SQLException {
        if (date == null) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setDate(index, Date.valueOf(date));
        }
    }

    private static LocalDate date(ResultSet rs, int index) throws SQLException {
        Date d = rs.getDate(index);
        return d == null ? null : d.toLocalDate();
    }

    static Applicant applicant(ResultSet rs) throws SQLException {
        String type = rs.getString(8);
        return new Applicant(rs.getLong(1), ApplicantKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), date(rs, 6), rs.getString(7), type == null ? null : IdentityDocumentType.valueOf(type),
                rs.getString(9), date(rs, 10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                rs.getString(15), rs.getString(16), rs.getLong(17));
    }
}
