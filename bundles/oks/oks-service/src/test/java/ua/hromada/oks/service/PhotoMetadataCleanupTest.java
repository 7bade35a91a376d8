package ua.hromada.oks.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import ua.hromada.oks.api.NewViolation;
import ua.hromada.oks.api.PhotoInfo;
import ua.hromada.oks.api.StoredPhoto;
import ua.hromada.oks.api.Urgency;
import ua.hromada.oks.api.Violation;
import ua.hromada.portal.testing.RecordingAuditLog;

/**
 * The one-off job for the photos stored before V12 (kept as received, EXIF/XMP included): re-encoded
 * upright and without metadata once, audited, and a second run changes nothing.
 */
class PhotoMetadataCleanupTest {
    @AutoClose
    private final OksTestSetup oks = new OksTestSetup();
    private final RecordingAuditLog audit = new RecordingAuditLog();
    private final PhotoMetadataCleanup cleanup = new PhotoMetadataCleanup(oks.database(), audit, oks.communities(),
            new OksSettings(1024 * 1024, 40_000_000L, 14, 1, null, java.time.ZoneId.of("Europe/Kyiv"), 200), null);

    @Test
    void photosStoredBeforeV12LoseTheirMetadataOnceAndTheRunIsAudited() throws IOException {
        Violation v = oks.violations().register(oks.inspector, new NewViolation(oks.type("trees").id(), "Гілля на тротуарі",
                "вул. Соборності, 1", OksTestSetup.LAT, OksTestSetup.LON, Urgency.NORMAL, null, null,
                List.of(OksTestSetup.jpeg("old.jpg", 80, 60), OksTestSetup.jpeg("new.jpg", 80, 60))));
        List<PhotoInfo> photos = oks.violations().journal(oks.viewer, v.id()).get(0).photos();
        long old = photos.get(0).id();
        long stripped = photos.get(1).id();
        byte[] strippedBefore = content(stripped);
        // the first one as V1–V11 stored it: the phone's file as received, its GPS position and camera in it
        byte[] phone = OksTestSetup.sidewaysPhoneJpeg(200, 120); // 120 × 200 upright
        assertTrue(Exif.hasApp1(phone));
        oks.executeInCommunity("UPDATE oks.photo SET content = '\\x" + HexFormat.of().formatHex(phone)
                + "'::bytea, width = 200, height = 120 WHERE id = " + old);

        assertEquals(List.of(old), cleanup.cleanCommunity(), "only the photo with metadata");
        byte[] now = content(old);
        assertFalse(Exif.hasApp1(now), "no EXIF/XMP block left");
        String text = new String(now, StandardCharsets.ISO_8859_1);
        assertFalse(text.contains("samsung") || text.contains("GPS"), "no camera, no position");
        BufferedImage upright = ImageIO.read(new ByteArrayInputStream(now));
        assertEquals(List.of(120, 200), List.of(upright.getWidth(), upright.getHeight()), "turned upright");
        PhotoInfo info = oks.violations().journal(oks.viewer, v.id()).get(0).photos().get(0);
        assertEquals(List.of(120, 200, (long) now.length), List.of(info.width(), info.height(), info.size()));
        assertEquals(Photos.sha256(now), info.sha256());
        assertArrayEquals(strippedBefore, content(stripped), "a photo stored without metadata is left alone");
        assertEquals(1, audit.entries().size());
        assertEquals("photo-metadata-removed", audit.entries().get(0).action());
        assertTrue(audit.entries().get(0).changes().contains("[" + old + "]"), audit.entries().get(0).changes());

        // idempotent: nothing is left to do, nothing changes, nothing more is audited
        assertEquals(List.of(), cleanup.cleanCommunity());
        assertArrayEquals(now, content(old));
        assertEquals(1, audit.entries().size());
    }

    private byte[] content(long photoId) {
        StoredPhoto p = oks.violations().photo(oks.viewer, photoId, false).orElseThrow();
        return p.content();
    }
}
