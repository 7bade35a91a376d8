package ua.hromada.crm.service.verification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import ua.hromada.crm.api.ReadWord;
import ua.hromada.crm.api.ScanText;
import ua.hromada.portal.api.jdbc.Statements;

/**
 * The OCR readings of scans ({@code crm.scan_reading}, V4): a scan never changes, so what was read
 * once is what verifying again compares. The words are a JSON array of arrays.
 */
final class ReadingStore {

    private ReadingStore() {
    }

    static Optional<ScanText> get(Connection c, long scanId) throws SQLException {
        Optional<Integer> pages = Statements.first(c, "SELECT pages FROM crm.scan_reading WHERE scan_id = ?",
                rs -> rs.getInt(1), scanId);
        if (pages.isEmpty()) {
            return Optional.empty();
        }
        List<ReadWord> words = Statements.list(c, "SELECT (w->>0)::int, (w->>1)::int, w->>7, (w->>2)::int, (w->>3)::int,"
                + " (w->>4)::int, (w->>5)::int, (w->>6)::float8 FROM crm.scan_reading r,"
                + " jsonb_array_elements(r.words) WITH ORDINALITY AS e(w, n) WHERE r.scan_id = ? ORDER BY n",
                rs -> new ReadWord(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getInt(6),
                        rs.getInt(7), rs.getDouble(8)), scanId);
        return Optional.of(new ScanText(words, pages.get(), ""));
    }

    /** Keeps a successful reading (a second reader of the same scan leaves the first one). */
    static void put(Connection c, long scanId, String engine, ScanText text, Instant at) throws SQLException {
        StringBuilder json = new StringBuilder("[");
        for (ReadWord w : text.words()) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('[').append(w.page()).append(',').append(w.line()).append(',').append(w.left()).append(',')
                    .append(w.top()).append(',').append(w.width()).append(',').append(w.height()).append(',')
                    .append(Double.isFinite(w.confidence()) ? w.confidence() : 0).append(',');
            string(json, w.text());
            json.append(']');
        }
        json.append(']');
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO crm.scan_reading (scan_id, engine, pages, words, read_at)"
                + " VALUES (?, ?, ?, ?::jsonb, ?) ON CONFLICT (community, scan_id) DO NOTHING")) {
            ps.setLong(1, scanId);
            ps.setString(2, engine.length() > 200 ? engine.substring(0, 200) : engine);
            ps.setInt(3, text.pages());
            ps.setString(4, json.toString());
            ps.setTimestamp(5, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    private static void string(StringBuilder json, String value) {
        json.append('"');
        for (char ch : value.toCharArray()) {
            switch (ch) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (ch < 0x20) {
                        json.append(String.format("\\u%04x", (int) ch));
                    } else {
                        json.append(ch);
                    }
                }
            }
        }
        json.append('"');
    }
}
