package ua.hromada.crm.ui.verification;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

import javax.imageio.ImageIO;

import ua.hromada.crm.api.TextRegion;

/**
 * The part of an image scan where a finding's value was read, with a margin around it and the
 * words outlined in red, as a PNG. A PDF scan (or anything not an image) has no crop: the panel
 * describes the region in words instead.
 */
final class ScanCrop {
    static final int MARGIN = 60;

    private ScanCrop() {
    }

    static Optional<byte[]> of(byte[] scan, TextRegion region) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(scan));
        } catch (IOException e) {
            return Optional.empty();
        }
        if (image == null || region.page() != 1) {
            return Optional.empty();
        }
        int left = clamp(region.left() - MARGIN, image.getWidth());
        int top = clamp(region.top() - MARGIN, image.getHeight());
        int right = clamp(region.left() + region.width() + MARGIN, image.getWidth());
        int bottom = clamp(region.top() + region.height() + MARGIN, image.getHeight());
        if (right - left < 2 || bottom - top < 2) {
            return Optional.empty();
        }
        BufferedImage crop = new BufferedImage(right - left, bottom - top, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = crop.createGraphics();
        g.drawImage(image, -left, -top, null);
        g.setColor(new Color(200, 30, 30));
        g.setStroke(new BasicStroke(4));
        g.drawRect(region.left() - left - 6, region.top() - top - 6, region.width() + 12, region.height() + 12);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(crop, "png", out);
            return Optional.of(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int clamp(int value, int limit) {
        return Math.max(0, Math.min(limit, value));
    }
}
