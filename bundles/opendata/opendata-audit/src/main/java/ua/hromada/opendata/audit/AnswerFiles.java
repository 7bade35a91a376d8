package ua.hromada.opendata.audit;

import static ua.hromada.portal.api.PortalException.Reason.INVALID;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import ua.hromada.opendata.api.DataRequests.FileContent;
import ua.hromada.opendata.api.OfficialRequest.AnswerFile;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.audit.rules.Sniff;
import ua.hromada.portal.api.jdbc.Statements;

/**
 * The answer files of official requests, stored in the database (table official_request_answer),
 * one per request: a scan or a document, its kind judged by its content, never by its name.
 */
final class AnswerFiles {
    static final int MAX_NAME = 200;

    /** The kinds an answer may come in, with the media type stored and the extension its name ends with. */
    enum Kind {
        PDF("application/pdf", "pdf"),
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        PNG("image/png", "png"),
        JPEG("image/jpeg", "jpg");

        final String mediaType;
        final String extension;

        Kind(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }
    }

    /** A file checked and named, ready to store. */
    record Checked(String fileName, Kind kind, byte[] content) {
        AnswerFile describe() {
            return new AnswerFile(fileName, kind.mediaType, content.length);
        }
    }

    private AnswerFiles() {
    }

    /**
     * Checks a received file: not empty, within the limit, a PDF, a Word document (a ZIP holding
     * word/document.xml, not just any ZIP), a PNG or a JPEG; its name without folders and ending
     * with its kind's extension, so the downloaded file opens with the right program.
     */
    static Checked check(String fileName, byte[] content, long maxBytes) {
        String name = name(fileName);
        if (content == null || content.length == 0) {
            throw new OpendataException(INVALID, "opendata.audit.error.request.fileEmpty", name);
        }
        if (content.length > maxBytes) {
            throw new OpendataException(INVALID, "opendata.audit.error.request.fileTooLarge", name,
                    Math.max(1, maxBytes / (1024 * 1024)));
        }
        Kind kind = kind(content).orElseThrow(
                () -> new OpendataException(INVALID, "opendata.audit.error.request.fileType", name));
        String lower = name.toLowerCase(Locale.ROOT);
        boolean named = lower.endsWith("." + kind.extension) || kind == Kind.JPEG && lower.endsWith(".jpeg");
        return new Checked(named ? name : name + "." + kind.extension, kind, content);
    }

    static Optional<Kind> kind(byte[] content) {
        return switch (Sniff.of(content, Math.min(content.length, Sniff.HEAD))) {
            case PDF -> Optional.of(Kind.PDF);
            case PNG -> Optional.of(Kind.PNG);
            case JPEG -> Optional.of(Kind.JPEG);
            case ZIP -> wordDocument(content) ? Optional.of(Kind.DOCX) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static boolean wordDocument(byte[] content) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                if (e.getName().equals("word/document.xml")) {
                    return true;
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException e) {
            return false; // a broken archive is no document
        }
    }

    /** The name as uploaded without its folders and control characters, at most MAX_NAME characters. */
    private static String name(String fileName) {
        String n = fileName == null ? "" : fileName;
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (n.isEmpty()) {
            n = "answer";
        }
        return n.length() > MAX_NAME ? n.substring(n.length() - MAX_NAME) : n;
    }

    /** Stores the request's answer file, replacing the one before. */
    static void store(Connection c, long requestId, Checked file, String actor, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO opendata_audit.official_request_answer"
                + " (request_id, file_name, media_type, size, content, uploaded_by, uploaded_at) VALUES (?,?,?,?,?,?,?)"
                + " ON CONFLICT (community, request_id) DO UPDATE SET file_name = excluded.file_name, media_type = excluded.media_type,"
                + " size = excluded.size, content = excluded.content, uploaded_by = excluded.uploaded_by,"
                + " uploaded_at = excluded.uploaded_at")) {
            ps.setLong(1, requestId);
            ps.setString(2, file.fileName());
            ps.setString(3, file.kind().mediaType);
            ps.setLong(4, file.content().length);
            ps.setBytes(5, file.content());
            ps.setString(6, actor);
            ps.setTimestamp(7, Timestamp.from(now));
            ps.executeUpdate();
        }
    }

    static void delete(Connection c, long requestId) throws SQLException {
        Statements.update(c, "DELETE FROM opendata_audit.official_request_answer WHERE request_id = ?", requestId);
    }

    static Optional<FileContent> read(Connection c, long requestId) throws SQLException {
        return Statements.first(c, "SELECT file_name, media_type, content FROM opendata_audit.official_request_answer"
                + " WHERE request_id = ?", rs -> new FileContent(rs.getString(1), rs.getString(2), rs.getBytes(3)), requestId);
    }
}
