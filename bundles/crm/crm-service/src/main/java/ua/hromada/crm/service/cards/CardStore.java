package ua.hromada.crm.service.cards;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import ua.hromada.crm.api.CardRevision;
import ua.hromada.crm.api.Channel;
import ua.hromada.crm.api.DocumentCondition;
import ua.hromada.crm.api.DocumentKind;
import ua.hromada.crm.api.FeeKind;
import ua.hromada.crm.api.ProviderKind;
import ua.hromada.crm.api.RequiredDocument;
import ua.hromada.crm.api.ServiceCard;
import ua.hromada.portal.api.jdbc.SqlCondition;
import ua.hromada.portal.api.jdbc.Statements;
import ua.hromada.portal.api.jdbc.Versioned;

/**
 * The SQL of the cards; the caller holds the transaction. The current version is the rows of
 * {@code service_card} and {@code card_document}; every saved version is also kept whole in
 * {@code card_version} as PostgreSQL's own JSON of those rows ({@code to_jsonb}), read back into the
 * same row types ({@code jsonb_populate_record}), so an old version reads exactly as it was saved.
 */
final class CardStore {
    static final String TABLE = "crm.service_card";
    private static final String COLUMNS = "s.id, s.national_id, s.local_code, s.name, s.provider_kind, s.provider,"
            + " s.provider_role, s.legal_basis, s.legal_act_id, s.fee_kind, s.fee_amount, s.fee_formula, s.term_days,"
            + " s.result, s.refusal_grounds, s.channels, s.queue_group, s.active, s.card_version, s.version";
    private static final String DOCUMENT_COLUMNS = "d.name, d.kind, d.condition, d.original";

    private CardStore() {
    }

    private static SqlCondition where(String text, boolean activeOnly) {
        SqlCondition.Builder w = SqlCondition.builder();
        String typed = text == null ? "" : text.strip();
        // every word typed is found in one of the fields, in any order
        for (String word : typed.isEmpty() ? new String[0] : typed.split("\\s+")) {
            String pattern = Statements.containing(word);
            w.and("s.name ILIKE ? OR s.local_code ILIKE ? OR s.national_id ILIKE ?", pattern, pattern, pattern);
        }
        if (activeOnly) {
            w.and("s.active");
        }
        return w.build();
    }

    static List<ServiceCard> find(Connection c, String text, boolean activeOnly, int offset, int limit)
            throws SQLException {
        SqlCondition w = where(text, activeOnly);
        List<ServiceCard> heads = Statements.list(c, "SELECT " + COLUMNS + " FROM " + TABLE + " s" + w.where()
                + " ORDER BY lower(s.name), s.id LIMIT ? OFFSET ?", rs -> card(rs, List.of()),
                w.paramsThen(Math.max(0, limit), Math.max(0, offset)));
        List<ServiceCard> out = new ArrayList<>();
        for (ServiceCard h : heads) {
            out.add(withDocuments(h, documents(c, h.id())));
        }
        return out;
    }

    static int count(Connection c, String text, boolean activeOnly) throws SQLException {
        SqlCondition w = where(text, activeOnly);
        return Statements.first(c, "SELECT count(*) FROM " + TABLE + " s" + w.where(), rs -> rs.getInt(1),
                w.paramsThen()).orElse(0);
    }

    static Optional<ServiceCard> get(Connection c, long id) throws SQLException {
        Optional<ServiceCard> head = Statements.first(c, "SELECT " + COLUMNS + " FROM " + TABLE + " s WHERE s.id = ?",
                rs -> card(rs, List.of()), id);
        return head.isEmpty() ? head : Optional.of(withDocuments(head.get(), documents(c, id)));
    }

    static Optional<Long> idOfCode(Connection c, String localCode) throws SQLException {
        return Statements.first(c, "SELECT id FROM " + TABLE + " WHERE lower(local_code) = lower(?)",
                rs -> rs.getLong(1), localCode);
    }

    /** The cards whose legal basis links to that act, by name. */
    static List<ServiceCard> citing(Connection c, String actId) throws SQLException {
        List<ServiceCard> out = new ArrayList<>();
        for (ServiceCard h : Statements.list(c, "SELECT " + COLUMNS + " FROM " + TABLE
                + " s WHERE s.legal_act_id = ? ORDER BY lower(s.name), s.id", rs -> card(rs, List.of()), actId)) {
            out.add(withDocuments(h, documents(c, h.id())));
        }
        return out;
    }

    /** Every card, by local code (an export; a centre has hundreds). */
    static List<ServiceCard> all(Connection c) throws SQLException {
        List<ServiceCard> out = new ArrayList<>();
        for (ServiceCard h : Statements.list(c, "SELECT " + COLUMNS + " FROM " + TABLE
                + " s ORDER BY lower(s.local_code), s.id", rs -> card(rs, List.of()))) {
            out.add(withDocuments(h, documents(c, h.id())));
        }
        return out;
    }

    static Optional<ServiceCard> version(Connection c, long id, int cardVersion) throws SQLException {
        String from = " FROM crm.card_version v WHERE v.card_id = ? AND v.card_version = ?";
        Optional<ServiceCard> head = Statements.first(c, "SELECT " + COLUMNS + from.replace(" WHERE",
                ", jsonb_populate_record(NULL::crm.service_card, v.content) s WHERE"), rs -> card(rs, List.of()),
                id, cardVersion);
        if (head.isEmpty()) {
            return head;
        }
        List<RequiredDocument> documents = Statements.list(c, "SELECT " + DOCUMENT_COLUMNS + from.replace(" WHERE",
                ", jsonb_populate_recordset(NULL::crm.card_document, v.content -> 'documents') d WHERE")
                + " ORDER BY d.position", CardStore::document, id, cardVersion);
        return Optional.of(withDocuments(head.get(), documents));
    }

    static List<CardRevision> history(Connection c, long id) throws SQLException {
        return Statements.list(c, "SELECT card_version, saved_at, saved_by FROM crm.card_version WHERE card_id = ?"
                + " ORDER BY card_version DESC", rs -> new CardRevision(rs.getInt(1), rs.getTimestamp(2).toInstant(),
                rs.getString(3)), id);
    }

    static long insert(Connection c, ServiceCard s) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (national_id, local_code, name,"
                + " provider_kind, provider, provider_role, legal_basis, legal_act_id, fee_kind, fee_amount, fee_formula,"
                + " term_days, result, refusal_grounds, channels, queue_group, active, card_version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING id")) {
            bind(c, ps, s);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        writeDocuments(c, id, s.documents());
        return id;
    }

    /** The new current version under the optimistic lock of the version the form loaded. */
    static void update(Connection c, ServiceCard s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET national_id = ?, local_code = ?,"
                + " name = ?, provider_kind = ?, provider = ?, provider_role = ?, legal_basis = ?, legal_act_id = ?,"
                + " fee_kind = ?, fee_amount = ?, fee_formula = ?, term_days = ?, result = ?, refusal_grounds = ?,"
                + " channels = ?, queue_group = ?, active = ?, card_version = card_version + 1, " + Versioned.BUMP
                + " WHERE id = ? AND " + Versioned.COLUMN + " = ?")) {
            bind(c, ps, s);
            ps.setLong(18, s.id());
            ps.setLong(19, s.version());
            Versioned.check(ps.executeUpdate(), "service_card", s.id());
        }
        Statements.update(c, "DELETE FROM crm.card_document WHERE card_id = ?", s.id());
        writeDocuments(c, s.id(), s.documents());
    }

    /** Keeps the card's current rows as its version, whole. */
    static void snapshot(Connection c, long id, String savedBy, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO crm.card_version (community, card_id, card_version,"
                + " content, saved_at, saved_by) SELECT s.community, s.id, s.card_version, to_jsonb(s)"
                + " || jsonb_build_object('documents', coalesce((SELECT jsonb_agg(to_jsonb(d) ORDER BY d.position)"
                + " FROM crm.card_document d WHERE d.card_id = s.id), '[]'::jsonb)), ?, ? FROM " + TABLE
                + " s WHERE s.id = ?")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, savedBy);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    private static void writeDocuments(Connection c, long cardId, List<RequiredDocument> documents)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            rows.add(new Object[] {i + 1, documents.get(i)});
        }
        Statements.batch(c, "INSERT INTO crm.card_document (card_id, position, name, kind, condition, original)"
                + " VALUES (?, ?, ?, ?, ?, ?)", rows, (ps, row) -> {
                    RequiredDocument d = (RequiredDocument) row[1];
                    ps.setLong(1, cardId);
                    ps.setInt(2, (Integer) row[0]);
                    ps.setString(3, d.name());
                    ps.setString(4, d.kind().name());
                    ps.setString(5, d.condition().name());
                    ps.setBoolean(6, d.original());
                });
    }

    private static void bind(Connection c, PreparedStatement ps, ServiceCard s) throws SQLException {
        ps.setString(1, s.nationalId());
        ps.setString(2, s.localCode());
        ps.setString(3, s.name());
        ps.setString(4, s.providerKind().name());
        ps.setString(5, s.provider());
        ps.setString(6, s.providerRole());
        ps.setString(7, s.legalBasis());
        ps.setString(8, s.legalActId());
        ps.setString(9, s.feeKind().name());
        if (s.feeAmount() == null) {
            ps.setNull(10, Types.NUMERIC);
        } else {
            ps.setBigDecimal(10, s.feeAmount());
        }
        ps.setString(11, s.feeFormula());
        ps.setInt(12, s.termDays());
        ps.setString(13, s.result());
        ps.setString(14, s.refusalGrounds());
        ps.setArray(15, c.createArrayOf("text", s.channels().stream().map(Enum::name).sorted().toArray()));
        ps.setString(16, s.queueGroup());
        ps.setBoolean(17, s.active());
    }

    private static List<RequiredDocument> documents(Connection c, long cardId) throws SQLException {
        return Statements.list(c, "SELECT " + DOCUMENT_COLUMNS + " FROM crm.card_document d WHERE d.card_id = ?"
                + " ORDER BY d.position", CardStore::document, cardId);
    }

    private static RequiredDocument document(ResultSet rs) throws SQLException {
        return new RequiredDocument(rs.getString(1), DocumentKind.valueOf(rs.getString(2)),
                DocumentCondition.valueOf(rs.getString(3)), rs.getBoolean(4));
    }

    private static ServiceCard withDocuments(ServiceCard s, List<RequiredDocument> documents) {
        return new ServiceCard(s.id(), s.nationalId(), s.localCode(), s.name(), s.providerKind(), s.provider(),
                s.providerRole(), s.legalBasis(), s.legalActId(), s.feeKind(), s.feeAmount(), s.feeFormula(),
                s.termDays(), s.result(), s.refusalGrounds(), s.channels(), s.queueGroup(), documents, s.active(),
                s.cardVersion(), s.version());
    }

    private static ServiceCard card(ResultSet rs, List<RequiredDocument> documents) throws SQLException {
        Array array = rs.getArray(16);
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (array != null) {
            for (Object name : (Object[]) array.getArray()) {
                channels.add(Channel.valueOf((String) name));
            }
        }
        return new ServiceCard(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                ProviderKind.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9), FeeKind.valueOf(rs.getString(10)), rs.getBigDecimal(11), rs.getString(12),
                rs.getInt(13), rs.getString(14), rs.getString(15), channels, rs.getString(17), documents,
                rs.getBoolean(18), rs.getInt(19), rs.getLong(20));
    }
}
