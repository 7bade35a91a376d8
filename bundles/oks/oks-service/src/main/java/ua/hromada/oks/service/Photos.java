package ua.hromada.oks.service;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.PhotoInfo;
import ua.hromada.oks.api.PhotoUpload;
import ua.hromada.portal.api.PortalException.Reason;

/**
 * Checks a step's file by its content (not its name) and makes what is stored of it. A photo is
 * decoded, turned upright by its EXIF orientation and encoded anew: the served version has no
 * EXIF/XMP (no GPS position, no camera), its thumbnail is made from it. The file as received is
 * kept beside it only when {@code photo.keep.original} says so. A PDF (where a step takes documents)
 * is stored as received, without a thumbnail.
 */
final class Photos {
    static final int THUMBNAIL_SIZE = 320;
    /** JPEG quality of the re-encoded photo: visually the phone's own, metadata gone. */
    private static final float JPEG_QUALITY = 0.92f;

    /**
     * What is stored of one file.
     *
     * @param content   the served bytes: a photo re-encoded upright without metadata, a PDF as received
     * @param thumbnail JPEG; null for a document
     * @param original  the photo as received, with its metadata; null unless originals are kept
     */
    record Checked(String fileName, String contentType, byte[] content, String sha256, int width, int height,
            byte[] thumbnail, byte[] original) {
        boolean isDocument() {
            return PhotoInfo.PDF.equals(contentType);
        }
    }

    /**
     * The limits and choices a check follows.
     *
     * @param documents    whether a PDF is accepted (a workflow step's files), else photos only
     * @param keepOriginal whether the photo as received (with EXIF/XMP) is stored beside the served version
     */
    record Rules(long maxBytes, long maxPixels, boolean documents, boolean keepOriginal) {
        static Rules of(OksSettings s, boolean documents) {
            return new Rules(s.photoMaxBytes(), s.photoMaxPixels(), documents, s.keepOriginalPhotos());
        }
    }

    private Photos() {
    }

    static Checked check(PhotoUpload upload, Rules rules) {
        String name = safeName(upload.fileName());
        byte[] data = upload.content();
        if (data == null || data.length == 0) {
            throw new OksException(Reason.INVALID, "oks.error.photoEmpty", name);
        }
        if (data.length > rules.maxBytes()) {
            throw new OksException(Reason.INVALID, "oks.error.photoTooLarge", name, rules.maxBytes() / (1024 * 1024));
        }
        String type = sniff(data);
        if (PhotoInfo.PDF.equals(type)) {
            return document(name, data, rules);
        }
        if (type == null) {
            if (name.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
                throw new OksException(Reason.INVALID, rules.documents() ? "oks.error.pdfType" : "oks.error.photoType", name);
            }
            throw new OksException(Reason.INVALID, rules.documents() ? "oks.error.fileType" : "oks.error.photoType", name);
        }
        // a few KB of PNG may declare 50000 x 50000 pixels (10 GB decoded): read the size first
        long pixels = declaredPixels(data);
        if (pixels < 0) {
            throw new OksException(Reason.INVALID, "oks.error.photoBroken", name);
        }
        if (pixels > rules.maxPixels()) {
            throw new OksException(Reason.INVALID, "oks.error.photoTooManyPixels", name, rules.maxPixels() / 1_000_000);
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(data));
        } catch (IOException | RuntimeException e) {
            image = null;
        }
        if (image == null) {
            throw new OksException(Reason.INVALID, "oks.error.photoBroken", name);
        }
        boolean png = "image/png".equals(type);
        int orientation = png ? 1 : Exif.orientation(data);
        BufferedImage upright = Exif.upright(image, orientation, png && image.getColorModel().hasAlpha());
        byte[] served = png ? encode(upright, "png") : jpeg(upright);
        return new Checked(name, type, served, sha256(served), upright.getWidth(), upright.getHeight(),
                thumbnail(upright), rules.keepOriginal() ? data : null);
    }

    private static Checked document(String name, byte[] data, Rules rules) {
        if (!rules.documents()) {
            throw new OksException(Reason.INVALID, "oks.error.photoIsDocument", name);
        }
        // a PDF ends with %%EOF (an incremental save appends a section and another %%EOF): a file
        // cut off in transfer has none in its tail
        int from = Math.max(0, data.length - 1024);
        String tail = new String(data, from, data.length - from, StandardCharsets.ISO_8859_1);
        if (!tail.contains("%%EOF")) {
            throw new OksException(Reason.INVALID, "oks.error.pdfBroken", name);
        }
        return new Checked(name, PhotoInfo.PDF, data, sha256(data), 0, 0, null, null);
    }

    /**
     * Width × height as the image's header declares them, read by an {@link ImageReader} without
     * decoding a pixel; -1 when no reader understands the header.
     */
    static long declaredPixels(byte[] data) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return -1;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return (long) reader.getWidth(0) * reader.getHeight(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** JPEG, PNG and PDF by their magic numbers. */
    static String sniff(byte[] d) {
        if (d.length > 3 && (d[0] & 0xFF) == 0xFF && (d[1] & 0xFF) == 0xD8 && (d[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (d.length > 8 && (d[0] & 0xFF) == 0x89 && d[1] == 'P' && d[2] == 'N' && d[3] == 'G' && d[4] == 0x0D
                && d[5] == 0x0A && d[6] == 0x1A && d[7] == 0x0A) {
            return "image/png";
        }
        if (d.length > 8 && d[0] == '%' && d[1] == 'P' && d[2] == 'D' && d[3] == 'F' && d[4] == '-') {
            return PhotoInfo.PDF;
        }
        return null;
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JPEG of the image at {@link #JPEG_QUALITY}; ImageIO writes a bare JFIF header, no EXIF or XMP. */
    static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static byte[] thumbnail(BufferedImage image) {
        double scale = Math.min(1.0, (double) THUMBNAIL_SIZE / Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage thumb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = thumb.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(java.awt.Color.WHITE); // transparent PNG areas on white, JPEG has no alpha
            g.fillRect(0, 0, w, h);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return encode(thumb, "jpg");
    }

    private static String safeName(String name) {
        String n = name == null ? "" : name.replaceAll("[\\\\/]", "_").strip();
        if (n.isEmpty()) {
            n = "photo";
        }
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }
}
