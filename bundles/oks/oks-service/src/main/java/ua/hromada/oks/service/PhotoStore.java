package ua.hromada.oks.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import ua.hromada.oks.api.PhotoInfo;
import ua.hromada.portal.api.jdbc.Statements;

/** SQL over {@code oks.photo}: a step's files and the bytes of one of them. */
final class PhotoStore {

    /** Which bytes of a stored file are read. */
    enum Variant {
        /** a photo upright without metadata, a PDF as received */
        SERVED("content"),
        /** JPEG; none for a PDF */
        THUMBNAIL("thumbnail"),
        /** the photo as received, kept only with photo.keep.original */
        ORIGINAL("original");

        private final String column;

        Variant(String column) {
            this.column = column;
        }

        String contentType(PhotoInfo info) {
            return this == THUMBNAIL ? "image/jpeg" : info.contentType();
        }
    }

    /** A stored file's description, its case and the bytes asked for (null when there are none). */
    record Row(PhotoInfo info, long violationId, byte[] bytes) {
    }

    private PhotoStore() {
    }

    static void save(Connection c, long violationId, long entry, List<Photos.Checked> photos) throws SQLException {
        if (photos.isEmpty()) {
            return;
        }
        Statements.batch(c, "INSERT INTO oks.photo (journal_id, violation_id, file_name, content_type, size, sha256,"
                + " width, height, content, thumbnail, original) VALUES (?,?,?,?,?,?,?,?,?,?,?)", photos, (ps, p) -> {
                    ps.setLong(1, entry);
                    ps.setLong(2, violationId);
                    ps.setString(3, p.fileName());
                    ps.setString(4, p.contentType());
                    ps.setLong(5, p.content().length);
                    ps.setString(6, p.sha256());
                    ps.setInt(7, p.width());
                    ps.setInt(8, p.height());
                    ps.setBytes(9, p.content());
                    ps.setBytes(10, p.thumbnail());
                    ps.setBytes(11, p.original());
                });
    }

    static Optional<Row> read(Connection c, long photoId, Variant variant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, journal_id, file_name, content_type, size, sha256,"
                + " width, height, violation_id, " + variant.column + " FROM oks.photo WHERE id = ?")) {
            ps.setLong(1, photoId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                PhotoInfo info = new PhotoInfo(rs.getLong("id"), rs.getLong("journal_id"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size"), rs.getString("sha256"), rs.getInt("width"),
                        rs.getInt("height"));
                return Optional.of(new Row(info, rs.getLong("violation_id"), rs.getBytes(10)));
            }
        }
    }
}
