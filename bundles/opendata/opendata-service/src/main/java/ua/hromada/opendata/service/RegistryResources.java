package ua.hromada.opendata.service;

import static ua.hromada.portal.api.PortalException.Reason.INVALID;
import static ua.hromada.portal.api.PortalException.Reason.NOT_FOUND;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.Resource;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.jdbc.Versioned;

/**
 * The resources of the registry's datasets (uploaded files and links), apart from the passports:
 * reading them, adding and removing them, and what a change of them does to its dataset (its
 * version and last-change date). {@link DatasetRegistryImpl} answers the service's calls with it.
 */
final class RegistryResources {
    private static final String RESOURCE = "SELECT id, dataset_id, name, description, format, media_type, url,"
            + " file_name, size, sha256, modified FROM opendata.resource";

    private final OpendataDatabase db;
    private final OpendataSettings settings;
    private final ResourceStore store;
    private final RegistryChanges changes;

    RegistryResources(OpendataDatabase db, OpendataSettings settings, ResourceStore store, RegistryChanges changes) {
        this.db = db;
        this.settings = settings;
        this.store = store;
        this.changes = changes;
    }

    /**
     * A change of the dataset's resources: the version moves (a form opened before is refused, as it
     * would put the old last-modified date back), and new data makes now its last change.
     */
    private void touch(Connection c, long datasetId, boolean newData) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE opendata.dataset SET updated_at = now(), "
                + Versioned.BUMP + (newData ? ", last_modified_at = greatest(?, coalesce(last_modified_at, ?))" : "")
                + " WHERE id = ?")) {
            int i = 1;
            if (newData) {
                var now = PassportTimes.stored(settings.now(), settings.zone());
                ps.setObject(i++, now, Types.TIMESTAMP_WITH_TIMEZONE);
                ps.setObject(i++, now, Types.TIMESTAMP_WITH_TIMEZONE);
            }
            ps.setLong(i, datasetId);
            ps.executeUpdate();
        }
    }

    List<Resource> resources(long datasetId) {
        return db.read(c -> resources(c, datasetId));
    }

    List<Resource> resources(Connection c, long datasetId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(RESOURCE + " WHERE dataset_id = ? ORDER BY id")) {
            ps.setLong(1, datasetId);
            return resourceList(ps);
        }
    }

    /** Every resource in id order (export). */
    List<Resource> allResources(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(RESOURCE + " ORDER BY dataset_id, id")) {
            return resourceList(ps);
        }
    }

    Optional<Resource> resource(long id) {
        return db.read(c -> resource(c, id));
    }

    Optional<Resource> resource(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(RESOURCE + " WHERE id = ?")) {
            ps.setLong(1, id);
            return resourceList(ps).stream().findFirst();
        }
    }

    private static List<Resource> resourceList(PreparedStatement ps) throws SQLException {
        List<Resource> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long size = rs.getLong("size");
                Long sizeOrNull = rs.wasNull() ? null : size;
                Timestamp modified = rs.getTimestamp("modified");
                out.add(new Resource(rs.getLong("id"), rs.getLong("dataset_id"), rs.getString("name"),
                        rs.getString("description"), rs.getString("format"), rs.getString("media_type"), rs.getString("url"),
                        rs.getString("file_name"), sizeOrNull, rs.getString("sha256"), modified.toInstant()));
            }
        }
        return out;
    }

    Resource addLink(PortalUser actor, long datasetId, String name, String format, String url) {
        Access.requireEdit(actor);
        String u = Rules.strip(url);
        if (u == null) {
            throw new OpendataException(INVALID, "opendata.error.required", Passport.URL);
        }
        if (!Rules.httpUrl(u)) {
            throw new OpendataException(INVALID, "opendata.error.url", u);
        }
        String f = resourceFormat(format, u);
        String n = resourceName(name, u);
        return changes.write(c -> {
            DatasetStore.requireDataset(c, datasetId, false);
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO opendata.resource (dataset_id, name, format,"
                    + " media_type, url, modified) VALUES (?,?,?,?,?, now()) RETURNING id")) {
                ps.setLong(1, datasetId);
                ps.setString(2, n);
                ps.setString(3, f);
                ps.setString(4, f == null ? null : MediaTypes.of(f));
                ps.setString(5, u);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            touch(c, datasetId, true);
            changes.entry(c, actor, "resource", id, "create", "набір " + datasetId + ": " + n + " → " + u);
            return resource(c, id).orElseThrow();
        });
    }

    Resource upload(PortalUser actor, long datasetId, String name, String format, String fileName, byte[] content) {
        Access.requireEdit(actor);
        String file = fileName(fileName);
        if (file == null) {
            throw new OpendataException(INVALID, "opendata.error.required", Passport.FILE_NAME);
        }
        if (content == null || content.length == 0) {
            throw new OpendataException(INVALID, "opendata.error.emptyFile", file);
        }
        if (content.length > settings.maxUploadBytes()) {
            throw new OpendataException(INVALID, "opendata.error.uploadTooLarge", file,
                    settings.maxUploadBytes() / (1024 * 1024));
        }
        String f = resourceFormat(format, file);
        String n = resourceName(name, file);
        String sha = sha256(content);
        return changes.write(c -> {
            DatasetStore.requireDataset(c, datasetId, false);
            long id = insertFile(c, datasetId, n, f, file, content.length, sha, null, null, Charsets.of(f, content));
            store.put(c, id, sha, new ByteArrayInputStream(content), content.length);
            touch(c, datasetId, true);
            changes.entry(c, actor, "resource", id, "create",
                    "набір " + datasetId + ": " + n + " (" + file + ", " + content.length + " байт, SHA-256 " + sha + ")");
            return resource(c, id).orElseThrow();
        });
    }

    /** @param charset a text file's character set when not UTF-8 (served with it), else null */
    long insertFile(Connection c, long datasetId, String name, String format, String fileName, long size, String sha,
            String providerFormat, Instant modified, String charset) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO opendata.resource (dataset_id, name, format,"
                + " media_type, file_name, size, sha256, storage, provider_format, modified)"
                + " VALUES (?,?,?,?,?,?,?,?,?, coalesce(?, now())) RETURNING id")) {
            ps.setLong(1, datasetId);
            ps.setString(2, name);
            ps.setString(3, format);
            String type = format == null ? "application/octet-stream" : MediaTypes.of(format);
            ps.setString(4, charset == null ? type : type + "; charset=" + charset);
            ps.setString(5, fileName);
            ps.setLong(6, size);
            ps.setString(7, sha);
            ps.setString(8, store.kind());
            ps.setString(9, providerFormat);
            ps.setTimestamp(10, modified == null ? null : Timestamp.from(modified));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String resourceFormat(String format, String nameOrUrl) {
        String f = Rules.format(format);
        if (f == null) {
            return MediaTypes.formatOf(nameOrUrl);
        }
        if (!Rules.validFormat(f)) {
            throw new OpendataException(INVALID, "opendata.error.format", f);
        }
        return f;
    }

    private static String resourceName(String name, String fallback) {
        String n = Rules.strip(name);
        if (n == null) {
            n = fallback.length() > Rules.MAX_TITLE ? fallback.substring(0, Rules.MAX_TITLE) : fallback;
        }
        if (n.length() > Rules.MAX_TITLE) {
            throw new OpendataException(INVALID, "opendata.error.tooLong", Passport.RESOURCE_NAME, Rules.MAX_TITLE,
                    n.length());
        }
        return n;
    }

    /** The file's own name (browsers may send a path). */
    private static String fileName(String fileName) {
        String f = Rules.strip(fileName);
        if (f == null) {
            return null;
        }
        f = f.substring(Math.max(f.lastIndexOf('/'), f.lastIndexOf('\\')) + 1);
        if (f.isBlank()) {
            return null;
        }
        return f.length() > Rules.MAX_TITLE ? f.substring(f.length() - Rules.MAX_TITLE) : f;
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(digest().digest(content));
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<InputStream> content(long resourceId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT storage, sha256 FROM opendata.resource WHERE id = ? AND file_name IS NOT NULL")) {
                ps.setLong(1, resourceId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<InputStream>empty();
                    }
                    return store.open(c, resourceId, rs.getString(1), rs.getString(2));
                }
            }
        });
    }

    void removeResource(PortalUser actor, long resourceId) {
        Access.requireEdit(actor);
        changes.write(c -> {
            Resource r = resource(c, resourceId).orElseThrow(
                    () -> new OpendataException(NOT_FOUND, "opendata.error.notFound"));
            String storage;
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM opendata.resource WHERE id = ? RETURNING storage")) {
                ps.setLong(1, resourceId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    storage = rs.getString(1);
                }
            }
            store.release(c, storage, r.sha256());
            touch(c, r.datasetId(), false);
            changes.entry(c, actor, "resource", resourceId, "delete", "набір " + r.datasetId() + ": " + r.name());
            return r;
        });
    }
}
