package ua.hromada.gis.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.gis.api.Attachment;
import ua.hromada.gis.api.GisAttachments;
import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.Layer;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.audit.AuditChanges;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.jdbc.Statements;

/** Photos and files of the objects, stored in {@code gis.feature_attachment} (bytea, as OKS's photos). */
@Component(service = GisAttachments.class)
public class GisAttachmentsImpl implements GisAttachments {
    /** 20 MB: a phone's photo or a scanned permit, not a survey's archive. */
    static final long MAX_BYTES = 20L * 1024 * 1024;
    private static final String COLUMNS = "id, feature_id, file_name, content_type, size, sha256, added_by, added_at";

    private final GisDatabase db;
    private final AuditLog audit;

    @Activate
    public GisAttachmentsImpl(@Reference GisDatabase db, @Reference AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    @Override
    public long maxBytes() {
        return MAX_BYTES;
    }

    @Override
    public List<Attachment> attachments(PortalUser user, long featureId) {
        return db.read(c -> {
            GisFeaturesImpl.layerOf(c, user, featureId);
            return Statements.list(c, "SELECT " + COLUMNS + " FROM gis.feature_attachment WHERE feature_id = ?"
                    + " ORDER BY id", GisAttachmentsImpl::attachment, featureId);
        });
    }

    @Override
    public Attachment attach(PortalUser user, long featureId, String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new GisException(Reason.INVALID, "gis.error.attachmentEmpty");
        }
        if (content.length > MAX_BYTES) {
            throw new GisException(Reason.INVALID, "gis.error.attachmentTooLarge", MAX_BYTES / (1024 * 1024));
        }
        String name = safeName(fileName);
        return db.tx(c -> {
            Layer layer = GisFeaturesImpl.editable(c, user, GisFeaturesImpl.layerOf(c, user, featureId));
            if (FeatureStore.find(c, featureId).isEmpty()) {
                // a deleted object's attachments are kept for its restore, not added to
                throw new GisException(Reason.NOT_FOUND, "gis.error.featureNotFound");
            }
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO gis.feature_attachment (feature_id, layer_id,"
                    + " file_name, content_type, size, sha256, content, added_by, added_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
                ps.setLong(1, featureId);
                ps.setLong(2, layer.id());
                ps.setString(3, name);
                ps.setString(4, contentType(content));
                ps.setLong(5, content.length);
                ps.setString(6, sha256(content));
                ps.setBytes(7, content);
                ps.setString(8, user.username());
                ps.setTimestamp(9, Timestamp.from(db.clock().instant()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            audit.record(c, user.username(), GisLayersImpl.MODULE, "feature", Long.toString(featureId), "attach",
                    new AuditChanges().value("file", name).value("size", content.length).text());
            return find(c, id).orElseThrow();
        });
    }

    @Override
    public Optional<Content> content(PortalUser user, long attachmentId) {
        return db.read(c -> {
            Optional<Attachment> a = find(c, attachmentId);
            if (a.isEmpty() || !sees(c, user, a.get().featureId())) {
                return Optional.empty();
            }
            byte[] bytes = Statements.first(c, "SELECT content FROM gis.feature_attachment WHERE id = ?",
                    rs -> rs.getBytes(1), attachmentId).orElseThrow();
            return Optional.of(new Content(a.get(), bytes));
        });
    }

    @Override
    public void remove(PortalUser user, long attachmentId) {
        db.tx(c -> {
            Attachment a = find(c, attachmentId).filter(x -> sees(c, user, x.featureId()))
                    .orElseThrow(() -> new GisException(Reason.NOT_FOUND, "gis.error.attachmentNotFound"));
            GisFeaturesImpl.editable(c, user, GisFeaturesImpl.layerOf(c, user, a.featureId()));
            Statements.update(c, "DELETE FROM gis.feature_attachment WHERE id = ?", attachmentId);
            audit.record(c, user.username(), GisLayersImpl.MODULE, "feature", Long.toString(a.featureId()), "detach",
                    new AuditChanges().value("file", a.fileName()).text());
            return null;
        });
    }

    private static boolean sees(Connection c, PortalUser user, long featureId) {
        try {
            GisFeaturesImpl.layerOf(c, user, featureId);
            return true;
        } catch (GisException | SQLException e) {
            return false;
        }
    }

    private static Optional<Attachment> find(Connection c, long id) throws SQLException {
        return Statements.first(c, "SELECT " + COLUMNS + " FROM gis.feature_attachment WHERE id = ?",
                GisAttachmentsImpl::attachment, id);
    }

    private static Attachment attachment(ResultSet rs) throws SQLException {
        return new Attachment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant());
    }

    /** The type by the content's first bytes, never by the name a browser sent. */
    static String contentType(byte[] d) {
        if (starts(d, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(d, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (starts(d, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (d.length >= 12 && starts(d, 'R', 'I', 'F', 'F') && d[8] == 'W' && d[9] == 'E' && d[10] == 'B'
                && d[11] == 'P') {
            return "image/webp";
        }
        if (starts(d, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        return "application/octet-stream";
    }

    private static boolean starts(byte[] d, int... prefix) {
        if (d.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((d[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The name without a path, control characters or more than 255 characters; "файл" when nothing is left. */
    static String safeName(String name) {
        String n = name == null ? "" : name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (n.length() > 255) {
            n = n.substring(n.length() - 255);
        }
        return n.isEmpty() ? "файл" : n;
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
