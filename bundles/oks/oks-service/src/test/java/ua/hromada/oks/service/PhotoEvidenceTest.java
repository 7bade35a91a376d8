package ua.hromada.oks.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.hromada.oks.api.ActionKind.ACCEPTED;
import static ua.hromada.oks.api.ActionKind.REPORTED;
import static ua.hromada.oks.api.ActionKind.SENT;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ua.hromada.oks.api.JournalEntry;
import ua.hromada.oks.api.NewViolation;
import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.PhotoInfo;
import ua.hromada.oks.api.PhotoUpload;
import ua.hromada.oks.api.StoredPhoto;
import ua.hromada.oks.api.TransitionRequest;
import ua.hromada.oks.api.Urgency;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.api.Violations;
import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.jobs.JobPools;
import ua.hromada.portal.testing.ShippedConfig;
import ua.hromada.portal.testing.TestImages;
import ua.hromada.portal.testing.TestImages.PhoneExif;

/**
 * Photo evidence (issue 15): phone photos stored upright and without their EXIF/XMP (GPS
 * position, camera), the original only where configured, and PDF documents as files of a step.
 */
class PhotoEvidenceTest {
    private static final Color MARK = new Color(220, 20, 20);
    /** Somewhere in Poltava, as a phone would record it. */
    private static final PhoneExif SAMSUNG = new PhoneExif(6, 49.5883, 34.5514, "samsung", "SM-A525F", true);

    @AutoClose
    private final OksTestSetup oks = new OksTestSetup();
    private final Violations service = oks.violations();

    /**
     * A phone held upright took a portrait photo 600 × 800; its sensor stored it 800 × 600, turned
     * counter-clockwise, with orientation 6. A red block marks the stored top-left corner, which is
     * the picture's top-right corner when seen upright.
     */
    private static byte[] sidewaysPhonePhoto(PhoneExif exif) {
        BufferedImage stored = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        var g = stored.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 800, 600);
        g.setColor(MARK);
        g.fillRect(0, 0, 100, 100);
        g.dispose();
        return TestImages.phoneJpeg(stored, exif);
    }

    @Test
    void aPhonePhotoIsStoredUprightAndItsThumbnailToo() throws IOException {
        byte[] sent = sidewaysPhonePhoto(SAMSUNG);
        assertEquals(6, Exif.orientation(sent), "the test's file is what a phone sends");
        Violation v = service.register(oks.inspector, newViolation(new PhotoUpload("IMG_0001.jpg", sent)));
        PhotoInfo info = onlyFile(service.journal(oks.inspector, v.id()).get(0));
        assertEquals(600, info.width(), "width and height swap: the portrait is 600 wide");
        assertEquals(800, info.height());

        BufferedImage served = read(service.photo(oks.inspector, info.id(), false).orElseThrow().content());
        assertEquals(600, served.getWidth());
        assertEquals(800, served.getHeight());
        assertRed(served, 550, 50, "the stored top-left block is at the top right when upright");
        assertWhite(served, 50, 50, "the top left is background");
        assertWhite(served, 550, 750, "the bottom right is background");

        BufferedImage thumb = read(service.photo(oks.inspector, info.id(), true).orElseThrow().content());
        assertEquals(240, thumb.getWidth(), "320 on the long side, upright");
        assertEquals(320, thumb.getHeight());
        assertRed(thumb, 220, 20, "the thumbnail is upright as well");
        assertWhite(thumb, 20, 20, "the thumbnail's top left is background");
    }

    /** Where the stored top-left corner is seen, for each EXIF orientation (both byte orders). */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyOrientationLandsTheCornerWhereTheStandardSays(int orientation) throws IOException {
        byte[] sent = sidewaysPhonePhoto(new PhoneExif(orientation, -33.86, -151.2, "Apple", "iPhone 13",
                orientation % 2 == 0));
        Photos.Checked c = Photos.check(new PhotoUpload("p.jpg", sent), new Photos.Rules(10 << 20, 40_000_000, false, false));
        BufferedImage img = read(c.content());
        boolean turned = orientation >= 5;
        assertEquals(turned ? 600 : 800, img.getWidth());
        assertEquals(turned ? 800 : 600, img.getHeight());
        int w = img.getWidth() - 1;
        int h = img.getHeight() - 1;
        // 1, 5: top left; 2, 6: top right; 3, 7: bottom right; 4, 8: bottom left
        int corner = (orientation - 1) % 4;
        int x = corner == 1 || corner == 2 ? w - 50 : 50;
        int y = corner >= 2 ? h - 50 : 50;
        assertRed(img, x, y, "orientation " + orientation);
        assertWhite(img, w - x, h - y, "orientation " + orientation + ", the opposite corner");
        assertEquals(1, Exif.orientation(c.content()), "no orientation left to apply twice");
    }

    @Test
    void gpsAndCameraAreNotInTheServedPhotoAndTheOriginalIsNotKeptByDefault() {
        byte[] sent = sidewaysPhonePhoto(SAMSUNG);
        assertTrue(Exif.ifd0Tags(sent).containsAll(List.of(Exif.GPS_IFD, Exif.MAKE, Exif.MODEL)), "the phone's file has them");
        assertTrue(contains(sent, "GPSLatitude"), "and its XMP packet");
        Violation v = service.register(oks.inspector, newViolation(new PhotoUpload("IMG_0002.jpg", sent)));
        PhotoInfo info = onlyFile(service.journal(oks.inspector, v.id()).get(0));
        StoredPhoto served = service.photo(oks.inspector, info.id(), false).orElseThrow();
        assertEquals("image/jpeg", served.contentType());
        assertFalse(Exif.hasApp1(served.content()), "no EXIF or XMP segment at all");
        assertTrue(Exif.ifd0Tags(served.content()).isEmpty(), "so no GPS directory");
        assertFalse(contains(served.content(), "GPSLatitude"), "no XMP position");
        assertFalse(contains(served.content(), "SM-A525F"), "no camera model");
        assertEquals(Photos.sha256(served.content()), info.sha256(), "the checksum is of the served bytes");
        assertFalse(Exif.hasApp1(service.photo(oks.inspector, info.id(), true).orElseThrow().content()));
        assertTrue(service.photoOriginal(oks.inspector, info.id()).isEmpty(), "photo.keep.original is false by default");
    }

    @Test
    void theShippedConfigurationKeepsNoOriginals() throws IOException {
        OksConfig shipped = ShippedConfig.as(OksConfig.class, ShippedConfig.read(OksConfig.PID));
        assertFalse(shipped.photo_keep_original());
        assertFalse(OksSettings.of(shipped, ZoneId.of("Europe/Kyiv")).keepOriginalPhotos());
    }

    @Test
    void theOriginalIsKeptWhenConfiguredAndOnlyForThoseWhoSeeTheCase() {
        OksSettings keep = new OksSettings(1024 * 1024, 40_000_000L, 14, 1, null, ZoneId.of("Europe/Kyiv"), 200, true);
        try (JobPools pools = new JobPools(Map.of())) {
            Violations keeping = new ViolationsImpl(oks.database(), keep, pools.forModule("oks-service"));
            byte[] sent = sidewaysPhonePhoto(SAMSUNG);
            Violation v = keeping.register(oks.inspector, newViolation(new PhotoUpload("IMG_0003.jpg", sent)));
            PhotoInfo info = onlyFile(keeping.journal(oks.inspector, v.id()).get(0));
            StoredPhoto original = keeping.photoOriginal(oks.inspector, info.id()).orElseThrow();
            assertArrayEquals(sent, original.content(), "byte for byte as the phone sent it, GPS included");
            assertEquals("image/jpeg", original.contentType());
            assertFalse(Exif.hasApp1(keeping.photo(oks.inspector, info.id(), false).orElseThrow().content()),
                    "the served version is still without metadata");
            assertTrue(keeping.photoOriginal(oks.stranger, info.id()).isEmpty(), "a user outside OKS gets nothing");
            assertTrue(keeping.photoOriginal(oks.executor, info.id()).isEmpty(), "nor an executor the case was not sent to");
        }
    }

    @Test
    void aStepTakesAPdfDocumentStoredAsReceivedWithoutAThumbnail() {
        Violation v = oks.register("Сміття біля зупинки");
        service.transition(oks.inspector, v.id(), new TransitionRequest(SENT, null, oks.org.id(), oks.today().plusDays(7),
                List.of()));
        service.transition(oks.executor, v.id(), TransitionRequest.of(ACCEPTED));
        byte[] pdf = pdf("Акт виконаних робіт");
        service.checkStepFile(new PhotoUpload("akt.pdf", pdf));
        service.transition(oks.executor, v.id(), new TransitionRequest(REPORTED, "Прибрано", null, null,
                List.of(new PhotoUpload("akt", pdf), OksTestSetup.png("pislia.png", 64, 48))));

        List<JournalEntry> journal = service.journal(oks.inspector, v.id());
        List<PhotoInfo> files = journal.get(journal.size() - 1).photos();
        assertEquals(2, files.size());
        PhotoInfo doc = files.get(0);
        assertTrue(doc.isDocument(), "a PDF by its content, though its name has no extension");
        assertEquals(PhotoInfo.PDF, doc.contentType());
        assertEquals(pdf.length, doc.size());
        assertEquals(0, doc.width());
        assertFalse(files.get(1).isDocument());
        StoredPhoto stored = service.photo(oks.executor, doc.id(), false).orElseThrow();
        assertArrayEquals(pdf, stored.content());
        assertEquals(PhotoInfo.PDF, stored.contentType());
        assertTrue(service.photo(oks.executor, doc.id(), true).isEmpty(), "a document has no thumbnail");
        assertTrue(service.photo(oks.otherExecutor, doc.id(), false).isEmpty(), "nor is it given outside the case");
    }

    @Test
    void aFileNamedPdfThatIsNotOneIsRefusedWithAClearMessage() {
        PhotoUpload fake = new PhotoUpload("protokol.pdf", "Це текст, а не PDF".getBytes(StandardCharsets.UTF_8));
        OksException e = assertThrows(OksException.class, () -> service.checkStepFile(fake));
        assertEquals("oks.error.pdfType", e.messageKey());
        assertEquals("Файл «protokol.pdf» названо як PDF, але він не є документом PDF (перевіряється вміст, а не назва).",
                ukrainian(e));

        byte[] pdf = pdf("Протокол");
        byte[] cut = java.util.Arrays.copyOf(pdf, pdf.length - 30);
        assertEquals("oks.error.pdfBroken", assertThrows(OksException.class,
                () -> service.checkStepFile(new PhotoUpload("cut.pdf", cut))).messageKey());
        assertEquals("oks.error.fileType", assertThrows(OksException.class,
                () -> service.checkStepFile(new PhotoUpload("notes.txt", "текст".getBytes(StandardCharsets.UTF_8))))
                .messageKey());
        // registration takes photos only: the evidence of a violation is a picture
        OksException onRegistration = assertThrows(OksException.class,
                () -> service.register(oks.inspector, newViolation(new PhotoUpload("akt.pdf", pdf))));
        assertEquals("oks.error.photoIsDocument", onRegistration.messageKey());
        assertEquals("oks.error.photoIsDocument", assertThrows(OksException.class,
                () -> service.checkPhoto(new PhotoUpload("akt.pdf", pdf))).messageKey());
    }

    // ---------------------------------------------------------------- helpers

    private NewViolation newViolation(PhotoUpload photo) {
        return new NewViolation(oks.type("trees").id(), "Зламане дерево", "вул. Соборності, 1", OksTestSetup.LAT,
                OksTestSetup.LON, Urgency.NORMAL, null, null, List.of(photo));
    }

    private static PhotoInfo onlyFile(JournalEntry entry) {
        assertEquals(1, entry.photos().size());
        return entry.photos().get(0);
    }

    /** A small well-formed PDF (one page with a line of text), as a scanner or a printer driver writes one. */
    static byte[] pdf(String title) {
        String body = "%PDF-1.4\n"
                + "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
                + "4 0 obj << /Title (" + title.replaceAll("[^A-Za-z0-9 ]", "x") + ") >> endobj\n"
                + "trailer << /Root 1 0 R /Info 4 0 R >>\n"
                + "%%EOF\n";
        return body.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String ukrainian(OksException e) {
        return MessageBundle.text(List.of(new OksMessages()), e.messageKey(), Locale.forLanguageTag("uk"), e.args());
    }

    private static BufferedImage read(byte[] bytes) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
        assertTrue(img != null, "a readable image");
        return img;
    }

    private static boolean contains(byte[] data, String text) {
        return new String(data, StandardCharsets.ISO_8859_1).contains(text);
    }

    /** Red within JPEG's loss: red well above green and blue. */
    private static void assertRed(BufferedImage img, int x, int y, String what) {
        Color c = new Color(img.getRGB(x, y));
        assertTrue(c.getRed() > 180 && c.getGreen() < 70 && c.getBlue() < 70, what + ": " + c + " at " + x + "," + y);
    }

    private static void assertWhite(BufferedImage img, int x, int y, String what) {
        Color c = new Color(img.getRGB(x, y));
        assertTrue(c.getRed() > 225 && c.getGreen() > 225 && c.getBlue() > 225, what + ": " + c + " at " + x + "," + y);
    }
}
