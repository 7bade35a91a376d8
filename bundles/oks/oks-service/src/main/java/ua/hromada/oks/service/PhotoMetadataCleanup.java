package ua.hromada.oks.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.PhotoUpload;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.api.jobs.Job;
import ua.hromada.portal.api.jobs.Jobs;

/**
 * The photos stored before migration V12 were kept as received, EXIF/XMP included (GPS position,
 * camera). Once after each start, on the archive's pool, each community's JPEGs that still carry an
 * APP1 block are re-encoded as a photo is stored now ({@link Photos#check}: upright, no metadata, a new
 * thumbnail; the file as received kept beside it only when {@code photo.keep.original} says so).
 * Idempotent: a re-encoded photo has no APP1 block, so a later run finds nothing; each community's
 * run that changed photos leaves one audit entry with their ids.
 */
@Component(service = PhotoMetadataCleanup.class, immediate = true, configurationPid = OksConfig.PID)
public final class PhotoMetadataCleanup {
    private static final Logger LOG = LoggerFactory.getLogger(PhotoMetadataCleanup.class);
    static final String NAME = "OKS: metadata of photos stored before V12";
    private static final int BATCH = 20;
    /** APP1 (EXIF, XMP) marker: rows whose first 64 KB lack it are not read at all. */
    private static final String MAY_HAVE_APP1 = "position('\\xffe1'::bytea IN substring(content FROM 1 FOR 65536)) > 0";

    private final OksDatabase db;
    private final AuditLog audit;
    private final Communities communities;
    private final Photos.Rules rules;
    private final Job<Void> run;

    @Activate
    public PhotoMetadataCleanup(@Reference OksDatabase db, @Reference AuditLog audit, @Reference Communities communities,
            @Reference PortalSettings portal, @Reference Jobs jobs, OksConfig config) {
        this(db, audit, communities, OksSettings.of(config, portal.timeZone()), jobs);
    }

    /** @param jobs where the run is submitted; null: none (a test runs it itself) */
    PhotoMetadataCleanup(OksDatabase db, AuditLog audit, Communities communities, OksSettings settings, Jobs jobs) {
        this.db = db;
        this.audit = audit;
        this.communities = communities;
        // the size limits were checked when the photo came: only the pixels guard the memory here
        this.rules = new Photos.Rules(Long.MAX_VALUE, settings.photoMaxPixels(), false, settings.keepOriginalPhotos());
        this.run = jobs == null ? null : jobs.submit(Archiving.POOL, NAME,
                jobs.onOneNode(NAME, Duration.ofHours(1), p -> {
                    cleanEveryCommunity();
                    return null;
                }));
    }

    @Deactivate
    void deactivate() {
        if (run != null) {
            run.cancel();
        }
    }

    /** Each community as itself; one failing stops no other. */
    void cleanEveryCommunity() {
        for (Community community : communities.all()) {
            if (!community.moduleEnabled("oks")) {
                continue;
            }
            try {
                communities.runAs(community.id(), this::cleanCommunity);
            } catch (RuntimeException e) {
                LOG.warn("OKS photo metadata of community {} not cleaned", community.id(), e);
            }
        }
    }

    /** The current community's photos: the ids re-encoded (none when nothing carried metadata). */
    List<Long> cleanCommunity() {
        List<Long> cleaned = new ArrayList<>();
        long after = 0;
        for (;;) {
            long from = after;
            List<Long> batch = db.read(c -> candidates(c, from));
            if (batch.isEmpty()) {
                break;
            }
            for (long id : batch) {
                if (db.tx(c -> reencode(c, id))) {
                    cleaned.add(id);
                }
            }
            after = batch.get(batch.size() - 1);
        }
        if (!cleaned.isEmpty()) {
            audit.record("system", "oks", "photo", cleaned.size() == 1 ? cleaned.get(0).toString() : "*",
                    "photo-metadata-removed", cleaned.size() + " photos stored before V12 re-encoded without EXIF/XMP: "
                            + cleaned);
            LOG.info("OKS community {}: metadata removed from {} photos stored before V12", communities.current().id(),
                    cleaned.size());
        }
        return cleaned;
    }

    private static List<Long> candidates(Connection c, long after) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM oks.photo WHERE id > ? AND content_type = 'image/jpeg'"
                + " AND original IS NULL AND " + MAY_HAVE_APP1 + " ORDER BY id LIMIT " + BATCH)) {
            ps.setLong(1, after);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** One photo, its row locked: re-encoded when it still has an APP1 block. */
    private boolean reencode(Connection c, long id) throws SQLException {
        String name;
        byte[] stored;
        try (PreparedStatement ps = c.prepareStatement("SELECT file_name, content FROM oks.photo WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                name = rs.getString(1);
                stored = rs.getBytes(2);
            }
        }
        if (!Exif.hasApp1(stored)) {
            return false; // the marker's bytes inside a table, not a block
        }
        Photos.Checked clean;
        try {
            clean = Photos.check(new PhotoUpload(name, stored), rules);
        } catch (OksException e) {
            LOG.warn("OKS photo {} not re-encoded: {}", id, e.messageKey());
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE oks.photo SET content = ?, size = ?, sha256 = ?, width = ?,"
                + " height = ?, thumbnail = ?, original = ? WHERE id = ?")) {
            ps.setBytes(1, clean.content());
            ps.setLong(2, clean.content().length);
            ps.setString(3, clean.sha256());
            ps.setInt(4, clean.width());
            ps.setInt(5, clean.height());
            ps.setBytes(6, clean.thumbnail());
            ps.setBytes(7, clean.original());
            ps.setLong(8, id);
            ps.executeUpdate();
        }
        return true;
    }
}
