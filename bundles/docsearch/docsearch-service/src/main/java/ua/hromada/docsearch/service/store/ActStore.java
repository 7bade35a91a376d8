package ua.hromada.docsearch.service.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import ua.hromada.docsearch.api.ActDraft;
import ua.hromada.docsearch.api.ActFile;
import ua.hromada.docsearch.api.ActKind;
import ua.hromada.docsearch.api.ActLink;
import ua.hromada.docsearch.api.ActStatus;
import ua.hromada.docsearch.api.ExtractionStatus;
import ua.hromada.docsearch.api.FileUpload;
import ua.hromada.docsearch.api.LegalAct;
import ua.hromada.docsearch.api.LinkType;
import ua.hromada.docsearch.service.index.IndexedAct;
import ua.hromada.portal.api.jdbc.CommunityData;
import ua.hromada.portal.api.jdbc.Statements;
import ua.hromada.portal.api.jdbc.Versioned;

/**
 * SQL over the {@code docsearch} schema. Plain JDBC on the caller's connection, so one call of the
 * registry is one transaction; bulk reads (reindex) stream with a cursor.
 */
public final class ActStore {
    private static final String ACT_COLUMNS = "a.id, a.kind_code, k.name, a.number, a.normalized_number, a.act_date,"
            + " a.title, a.issuing_body, a.convocation, a.session, a.status, a.created_at, a.updated_at, a.version";
    /** The table's name for {@link Versioned#lock} and the conflict's entity. */
    public static final String ACT_TABLE = "docsearch.act";

    public List<ActKind> kinds(Connection c) throws SQLException {
        List<ActKind> kinds = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT code, name FROM docsearch.act_kind ORDER BY sort_order, code")) {
            while (rs.next()) {
                kinds.add(new ActKind(rs.getString(1), rs.getString(2)));
            }
        }
        return kinds;
    }

    /**
     * Gives the connection's community the shipped catalogue of kinds (V4's shipped_act_kinds) when
     * it has none yet; concurrent first uses insert it once.
     *
     * @return whether kinds were added
     */
    public boolean seedKinds(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate("INSERT INTO docsearch.act_kind (code, name, sort_order)"
                    + " SELECT code, name, sort_order FROM docsearch.shipped_act_kinds()"
                    + " WHERE NOT EXISTS (SELECT 1 FROM docsearch.act_kind) ON CONFLICT DO NOTHING") > 0;
        }
    }

    public List<String> issuingBodies(Connection c) throws SQLException {
        List<String> result = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT DISTINCT issuing_body FROM docsearch.act WHERE issuing_body IS NOT NULL ORDER BY 1")) {
            while (rs.next()) {
                result.add(rs.getString(1));
            }
        }
        return result;
    }

    public long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM docsearch.act")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public boolean exists(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM docsearch.act WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public long insertAct(Connection c, ActDraft d, String normalizedNumber, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO docsearch.act (kind_code, number, normalized_number,"
                + " act_date, title, issuing_body, convocation, session, status, created_at, updated_at)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?) RETURNING id")) {
            int i = bindAct(ps, d, normalizedNumber);
            ps.setTimestamp(i++, Timestamp.from(now));
            ps.setTimestamp(i, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Changes the act if it is still at {@code version} and moves the version on.
     *
     * @throws ua.hromada.portal.api.jdbc.EditConflictException when it is not (changed or removed)
     */
    public void updateAct(Connection c, long id, long version, ActDraft d, String normalizedNumber, Instant now)
            throws SQLException {
        // a person who changes the status takes it over from the links (see V2__status_from_links.sql)
        try (PreparedStatement ps = c.prepareStatement("UPDATE docsearch.act SET kind_code = ?, number = ?,"
                + " normalized_number = ?, act_date = ?, title = ?, issuing_body = ?, convocation = ?, session = ?,"
                + " status = ?, updated_at = ?, status_before_link = CASE WHEN status = ? THEN status_before_link END, "
                + Versioned.BUMP + " WHERE id = ? AND version = ?")) {
            int i = bindAct(ps, d, normalizedNumber);
            ps.setTimestamp(i++, Timestamp.from(now));
            ps.setString(i++, d.status().name());
            ps.setLong(i++, id);
            ps.setLong(i, version);
            Versioned.check(ps.executeUpdate(), ACT_TABLE, id);
        }
    }

    /** A change beside the act's own fields (files): the time and the version move on. */
    public void touch(Connection c, long id, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE docsearch.act SET updated_at = ?, " + Versioned.BUMP + " WHERE id = ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /** The act already registered with this kind, number and date (another than {@code except}). */
    public record Existing(long id, String number, LocalDate date, String title) {
    }

    /**
     * Looks for an act with the same kind, normalised number and date. The caller holds
     * {@link #lockNumber} for that key first, so two saves of the same act cannot both pass.
     */
    public Optional<Existing> findSame(Connection c, String kindCode, String normalizedNumber, LocalDate date,
            Long except) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, number, act_date, title FROM docsearch.act"
                + " WHERE kind_code = ? AND normalized_number = ? AND act_date = ? AND id <> ? ORDER BY id LIMIT 1")) {
            ps.setString(1, kindCode);
            ps.setString(2, normalizedNumber);
            ps.setDate(3, Date.valueOf(date));
            ps.setLong(4, except == null ? -1 : except);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Existing(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                        rs.getString(4))) : Optional.empty();
            }
        }
    }

    /**
     * Serialises saves of one kind + number + date until the transaction ends (a transaction-level
     * advisory lock): two imports or two employees registering the same act take turns, and the
     * second sees the first's row. No unique index: registers kept elsewhere may already hold
     * duplicates, which must stay loadable.
     */
    public void lockNumber(Connection c, String kindCode, String normalizedNumber, LocalDate date) throws SQLException {
        // per community: another community registering the same number does not wait
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext("
                + "'docsearch.act|' || coalesce(current_setting('" + CommunityData.SETTING + "', true), '') || ?))")) {
            ps.setString(1, "|" + kindCode + "|" + normalizedNumber + "|" + date);
            ps.execute();
        }
    }

    /** Every act's id, number and normalised number (to re-normalise after the rules changed). */
    public List<String[]> numbers(Connection c) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, number, normalized_number FROM docsearch.act ORDER BY id")) {
            while (rs.next()) {
                rows.add(new String[] {Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3)});
            }
        }
        return rows;
    }

    public void setNormalizedNumber(Connection c, long id, String normalizedNumber) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE docsearch.act SET normalized_number = ?, " + Versioned.BUMP + " WHERE id = ?")) {
            ps.setString(1, normalizedNumber);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    private static int bindAct(PreparedStatement ps, ActDraft d, String normalizedNumber) throws SQLException {
        int i = 1;
        ps.setString(i++, d.kindCode());
        ps.setString(i++, d.number().strip());
        ps.setString(i++, normalizedNumber);
        ps.setDate(i++, Date.valueOf(d.date()));
        ps.setString(i++, d.title().strip());
        ps.setString(i++, blankToNull(d.issuingBody()));
        setInt(ps, i++, d.convocation());
        setInt(ps, i++, d.session());
        ps.setString(i++, d.status().name());
        return i;
    }

    public void replaceTags(Connection c, long actId, Set<String> tags) throws SQLException {
        Statements.update(c, "DELETE FROM docsearch.act_tag WHERE act_id = ?", actId);
        if (tags == null || tags.isEmpty()) {
            return;
        }
        Statements.batch(c, "INSERT INTO docsearch.act_tag (act_id, tag) VALUES (?, ?) ON CONFLICT DO NOTHING", tags,
                (ps, tag) -> {
                    ps.setLong(1, actId);
                    ps.setString(2, tag);
                });
    }

    public void replaceLinks(Connection c, long actId, List<ActDraft.Link> links) throws SQLException {
        Statements.update(c, "DELETE FROM docsearch.act_link WHERE source_id = ?", actId);
        if (links == null || links.isEmpty()) {
            return;
        }
        Statements.batch(c, "INSERT INTO docsearch.act_link (source_id, target_id, link_type) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING", links, (ps, link) -> {
                    ps.setLong(1, actId);
                    ps.setLong(2, link.targetActId());
                    ps.setString(3, link.type().name());
                });
    }

    public long insertFile(Connection c, long actId, StoredFile f, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO docsearch.act_file (act_id, file_name, media_type,"
                + " size_bytes, sha256, content, extracted_text, extraction_status, extraction_error, created_at)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING id")) {
            ps.setLong(1, actId);
            ps.setString(2, f.fileName());
            ps.setString(3, f.mediaType());
            ps.setLong(4, f.content().length);
            ps.setString(5, f.sha256());
            ps.setBytes(6, f.content());
            ps.setString(7, f.text());
            ps.setString(8, f.status().name());
            ps.setString(9, f.error());
            ps.setTimestamp(10, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** @return the deleted file's name, empty when the act has no such file */
    public Optional<String> deleteFile(Connection c, long actId, long fileId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM docsearch.act_file WHERE id = ? AND act_id = ? RETURNING file_name")) {
            ps.setLong(1, fileId);
            ps.setLong(2, actId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** The acts this act amends or cancels. */
    public Set<Long> linkTargets(Connection c, long sourceId) throws SQLException {
        return rows(c, "SELECT target_id FROM docsearch.act_link WHERE source_id = ?", sourceId, rs -> rs.getLong(1),
                new LinkedHashSet<>());
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Every row of a query on one id, read into {@code into}. */
    private static <T, C extends java.util.Collection<T>> C rows(Connection c, String sql, long id, Row<T> row,
            C into) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    into.add(row.read(rs));
                }
            }
        }
        return into;
    }

    /**
     * An act's status as links see it: the status, the one a link replaced (null: chosen by a
     * person) and the acts that cancel and amend it now.
     */
    public record LinkedStatus(ActStatus status, ActStatus before, List<Long> cancelledBy, List<Long> amendedBy) {
    }

    /** Locks the act's row: concurrent link changes to the same act take turns. */
    public Optional<LinkedStatus> linkedStatus(Connection c, long id) throws SQLException {
        ActStatus status;
        ActStatus before;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT status, status_before_link FROM docsearch.act WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                status = ActStatus.valueOf(rs.getString(1));
                before = rs.getString(2) == null ? null : ActStatus.valueOf(rs.getString(2));
            }
        }
        List<Long> cancelledBy = new ArrayList<>();
        List<Long> amendedBy = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT source_id, link_type FROM docsearch.act_link WHERE target_id = ? ORDER BY source_id")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    (LinkType.valueOf(rs.getString(2)) == LinkType.CANCELS ? cancelledBy : amendedBy).add(rs.getLong(1));
                }
            }
        }
        return Optional.of(new LinkedStatus(status, before, List.copyOf(cancelledBy), List.copyOf(amendedBy)));
    }

    public void setLinkedStatus(Connection c, long id, ActStatus status, ActStatus before, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE docsearch.act SET status = ?, status_before_link = ?, updated_at = ?, " + Versioned.BUMP
                        + " WHERE id = ?")) {
            ps.setString(1, status.name());
            ps.setString(2, before == null ? null : before.name());
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setLong(4, id);
            ps.executeUpdate();
        }
    }

    public boolean deleteAct(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM docsearch.act WHERE id = ?")) {
            ps.setLong(1, id);
            return ps.executeUpdate() == 1;
        }
    }

    public Optional<FileUpload> fileContent(Connection c, long fileId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT file_name, content FROM docsearch.act_file WHERE id = ?")) {
            ps.setLong(1, fileId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new FileUpload(rs.getString(1), rs.getBytes(2))) : Optional.empty();
            }
        }
    }

    public Optional<LegalAct> find(Connection c, long id) throws SQLException {
        LegalAct base;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ACT_COLUMNS
                + " FROM docsearch.act a JOIN docsearch.act_kind k ON k.community = a.community AND k.code = a.kind_code"
                + " WHERE a.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                base = new LegalAct(rs.getLong(1), new ActKind(rs.getString(2), rs.getString(3)), rs.getString(4),
                        rs.getString(5), rs.getDate(6).toLocalDate(), rs.getString(7), rs.getString(8),
                        getInt(rs, 9), getInt(rs, 10), ActStatus.valueOf(rs.getString(11)), null, null, null,
                        rs.getTimestamp(12).toInstant(), rs.getTimestamp(13).toInstant(), rs.getLong(14));
            }
        }
        Set<String> tags = rows(c, "SELECT tag FROM docsearch.act_tag WHERE act_id = ?", id, rs -> rs.getString(1),
                new TreeSet<>());
        List<ActLink> links = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT l.target_id, l.link_type, true, o.number, o.act_date, o.title FROM docsearch.act_link l"
                        + " JOIN docsearch.act o ON o.id = l.target_id WHERE l.source_id = ?"
                        + " UNION ALL SELECT l.source_id, l.link_type, false, o.number, o.act_date, o.title"
                        + " FROM docsearch.act_link l JOIN docsearch.act o ON o.id = l.source_id WHERE l.target_id = ?"
                        + " ORDER BY 3 DESC, 5, 1")) {
            ps.setLong(1, id);
            ps.setLong(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    links.add(new ActLink(rs.getLong(1), LinkType.valueOf(rs.getString(2)), rs.getBoolean(3),
                            rs.getString(4), rs.getDate(5).toLocalDate(), rs.getString(6)));
                }
            }
        }
        List<ActFile> files = rows(c, "SELECT id, file_name, media_type, size_bytes, sha256, extraction_status,"
                + " extraction_error FROM docsearch.act_file WHERE act_id = ? ORDER BY id", id,
                rs -> new ActFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        ExtractionStatus.valueOf(rs.getString(6)), rs.getString(7)), new ArrayList<>());
        return Optional.of(new LegalAct(base.id(), base.kind(), base.number(), base.normalizedNumber(), base.date(),
                base.title(), base.issuingBody(), base.convocation(), base.session(), base.status(),
                Set.copyOf(tags), List.copyOf(links), List.copyOf(files), base.createdAt(), base.updatedAt(),
                base.version()));
    }

    private static final String INDEX_SELECT = "SELECT a.id, a.kind_code, k.name, a.number, a.normalized_number,"
            + " a.act_date, a.title, a.issuing_body, a.status,"
            + " (SELECT array_agg(t.tag ORDER BY t.tag) FROM docsearch.act_tag t WHERE t.act_id = a.id),"
            + " (SELECT string_agg(f.extracted_text, E'\\n\\n' ORDER BY f.id) FROM docsearch.act_file f"
            + "   WHERE f.act_id = a.id AND f.extracted_text IS NOT NULL), a.convocation, a.session"
            + " FROM docsearch.act a JOIN docsearch.act_kind k ON k.community = a.community AND k.code = a.kind_code";

    public Optional<IndexedAct> forIndex(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INDEX_SELECT + " WHERE a.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(indexed(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Streams every act in id order to {@code sink} until it returns false. Needs a connection with
     * auto-commit off (PostgreSQL only uses a cursor inside a transaction).
     */
    public void forEachForIndex(Connection c, Predicate<IndexedAct> sink) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INDEX_SELECT + " ORDER BY a.id")) {
            ps.setFetchSize(100);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!sink.test(indexed(rs))) {
                        return;
                    }
                }
            }
        }
    }

    private static IndexedAct indexed(ResultSet rs) throws SQLException {
        Array tags = rs.getArray(10);
        List<String> tagList = tags == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(Arrays.asList((String[]) tags.getArray())));
        LocalDate date = rs.getDate(6).toLocalDate();
        String body = rs.getString(11);
        return new IndexedAct(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), date,
                rs.getString(7), rs.getString(8), rs.getString(9), tagList, body == null ? "" : body, getInt(rs, 12),
                getInt(rs, 13));
    }

    private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }

    private static Integer getInt(ResultSet rs, int i) throws SQLException {
        int v = rs.getInt(i);
        return rs.wasNull() ? null : v;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
