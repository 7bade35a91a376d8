package ua.hromada.opendata.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Pattern;

import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.jdbc.CommunityData;

/**
 * Where the bytes of uploaded resources live: the table {@code opendata.resource_content} or a
 * folder, content-addressed by SHA-256 (the same file uploaded twice is kept once). Each resource
 * row remembers its storage, so changing the setting does not lose older files. In a folder each
 * community has its own files (regional hosting): the default community's in the folder itself (as
 * before), another's under {@code communities/<id>/}, so a file is shared, and released, only by
 * resource rows its community can see.
 */
final class ResourceStore {
    static final String DATABASE = "database";
    static final String FOLDER = "folder";

    private static final Pattern COMMUNITY_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final Path folder;

    ResourceStore(Path folder) {
        this.folder = folder;
    }

    String kind() {
        return folder == null ? DATABASE : FOLDER;
    }

    /** Stores the bytes of a resource row (inside the caller's transaction for the database). */
    void put(Connection c, long resourceId, String sha256, InputStream in, long size) throws SQLException {
        if (folder == null) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO opendata.resource_content (resource_id, content) VALUES (?, ?)"
                            + " ON CONFLICT (resource_id) DO UPDATE SET content = EXCLUDED.content")) {
                ps.setLong(1, resourceId);
                ps.setBinaryStream(2, in, size);
                ps.executeUpdate();
            }
            return;
        }
        Path target = file(c, sha256);
        if (Files.exists(target)) {
            return;
        }
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), sha256, ".part");
            try {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store resource file in " + folder, e);
        }
    }

    Optional<InputStream> open(Connection c, long resourceId, String storage, String sha256) throws SQLException {
        if (FOLDER.equals(storage)) {
            if (folder == null) {
                return Optional.empty();
            }
            Path f = file(c, sha256);
            try {
                return Files.exists(f) ? Optional.of(Files.newInputStream(f)) : Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT content FROM opendata.resource_content WHERE resource_id = ?")) {
            ps.setLong(1, resourceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new ByteArrayInputStream(rs.getBytes(1))) : Optional.empty();
            }
        }
    }

    /** After a row is gone: drops its file unless another resource still has the same bytes. */
    void release(Connection c, String storage, String sha256) throws SQLException {
        if (!FOLDER.equals(storage) || folder == null || sha256 == null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM opendata.resource WHERE storage = 'folder' AND sha256 = ? LIMIT 1")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try {
            Files.deleteIfExists(file(c, sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file of the connection's community (the community DataSource set it on the connection). */
    private Path file(Connection c, String sha256) throws SQLException {
        String community;
        try (PreparedStatement ps = c.prepareStatement("SELECT current_setting('" + CommunityData.SETTING + "', true)");
                ResultSet rs = ps.executeQuery()) {
            community = rs.next() ? rs.getString(1) : null;
        }
        if (community == null || community.isBlank()) {
            throw new SQLException("no community on this connection");
        }
        if (!COMMUNITY_ID.matcher(community).matches()) {
            throw new SQLException("not a community id: " + community);
        }
        Path root = Communities.DEFAULT.equals(community) ? folder : folder.resolve("communities").resolve(community);
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }
}
