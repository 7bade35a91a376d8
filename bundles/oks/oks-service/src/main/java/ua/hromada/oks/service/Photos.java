package ua.hromada.oks.service;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import ua.hromada.oks.api.OksException;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.oks.api.PhotoUpload;

/** Checks a photo by its content (not its name), and makes its thumbnail and checksum. */
final class Photos {
    static final int THUMBNAIL_SIZE = 320;

    record Checked(String fileName, String contentType, byte[] content, String sha256, int width, int height,
            byte[] thumbnail) {
    }

    private Photos() {
    }

    static Checked check(PhotoUpload upload, long maxBytes, long maxPixels) {
        String name = safeName(upload.fileName());
        byte[] data = upload.content();
        if (data == null || data.length == 0) {
            throw new OksException(Reason.INVALID, "oks.error.photoEmpty", name);
        }
        if (data.length > maxBytes) {
            throw new OksException(Reason.INVALID, "oks.error.photoTooLarge", name, maxBytes / (1024 * 1024));
        }
        String type = sniff(data);
        if (type == null) {
            throw new OksException(Reason.INVALID, "oks.error.photoType", name);
        }
        // a few KB of PNG may declare 50000 x 50000 pixels (10 GB decoded): read the size first
        long pixels = declaredPixels(data);
        if (pixels < 0) {
            throw new OksException(Reason.INVALID, "oks.error.photoBroken", name);
        }
        if (pixels > maxPixels) {
            throw new OksException(Reason.INVALID, "oks.error.photoTooManyPixels", name, maxPixels / 1_000_000);
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
        return new Checked(name, type, data, sha256(data), image.getWidth(), image.getHeight(), thumbnail(image));
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

    /** JPEG and PNG by their magic numbers. */
    static String sniff(byte[] d) {
        if (d.length > 3 && (d[0] & 0xFF) == 0xFF && (d[1] & 0xFF) == 0xD8 && (d[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (d.length > 8 && (d[0] & 0xFF) == 0x89 && d[1] == 'P' && d[2] == 'N' && d[3] == 'G' && d[4] == 0x0D
                && d[5] == 0x0A && d[6] == 0x1A && d[7] == 0x0A) {
            return "image/png";
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(thumb, "jpg", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static String safeName(String name) {
        String n = name == null ? "" : name.replaceAll("[\\\\/]", "_").strip();
        if (n.isEmpty()) {
            n = "photo";
        }
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }
}
