package ua.hromada.oks.service;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The little of a JPEG's EXIF (APP1) block OKS needs: the orientation a phone camera records
 * instead of turning the pixels, and which tags the first directory carries (tests check that GPS
 * and camera tags are gone). Read by hand: the JPEG segments and one TIFF directory are a few
 * dozen bytes of structure, not worth a library in the bundle.
 */
final class Exif {
    static final int ORIENTATION = 0x0112;
    static final int MAKE = 0x010F;
    static final int MODEL = 0x0110;
    static final int GPS_IFD = 0x8825;
    static final int EXIF_IFD = 0x8769;

    private Exif() {
    }

    /** The EXIF orientation (1-8) of a JPEG; 1 (as stored) when there is none or it is unreadable. */
    static int orientation(byte[] jpeg) {
        Tiff t = tiff(jpeg);
        if (t == null) {
            return 1;
        }
        int count = t.u16(t.ifd0);
        for (int i = 0; i < count; i++) {
            int e = t.ifd0 + 2 + 12 * i;
            if (e + 12 > t.end) {
                return 1;
            }
            if (t.u16(e) == ORIENTATION && t.u16(e + 2) == 3) { // SHORT, the value in the entry itself
                int v = t.u16(e + 8);
                return v >= 1 && v <= 8 ? v : 1;
            }
        }
        return 1;
    }

    /** The tags of the JPEG's first EXIF directory (IFD0); empty when it has no EXIF block. */
    static Set<Integer> ifd0Tags(byte[] jpeg) {
        Set<Integer> tags = new LinkedHashSet<>();
        Tiff t = tiff(jpeg);
        if (t == null) {
            return tags;
        }
        int count = t.u16(t.ifd0);
        for (int i = 0; i < count && t.ifd0 + 2 + 12 * (i + 1) <= t.end; i++) {
            tags.add(t.u16(t.ifd0 + 2 + 12 * i));
        }
        return tags;
    }

    /** Whether the file still has an APP1 segment (EXIF or XMP) before its image data. */
    static boolean hasApp1(byte[] jpeg) {
        return app1(jpeg, null) >= 0;
    }

    /**
     * The image as it should be seen: orientation 6 turns it 90° clockwise, 8 counter-clockwise,
     * 3 by 180°, and 2, 4, 5, 7 mirror it as well. The result is RGB on white (JPEG has no alpha)
     * unless {@code keepAlpha}.
     */
    static BufferedImage upright(BufferedImage src, int orientation, boolean keepAlpha) {
        int w = src.getWidth();
        int h = src.getHeight();
        boolean turned = orientation >= 5 && orientation <= 8;
        AffineTransform at = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> new AffineTransform();
        };
        BufferedImage out = new BufferedImage(turned ? h : w, turned ? w : h,
                keepAlpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            // whole-pixel turns and mirrors: nearest neighbour moves every pixel exactly
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            if (!keepAlpha) {
                g.setColor(Color.WHITE); // transparent PNG areas on white
                g.fillRect(0, 0, out.getWidth(), out.getHeight());
            }
            g.drawImage(src, at, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The TIFF structure inside the EXIF block: byte order, where IFD0 starts, where the block ends. */
    private record Tiff(byte[] d, int base, int ifd0, int end, boolean little) {
        int u16(int at) {
            if (at < 0 || at + 2 > end) {
                return -1;
            }
            int a = d[at] & 0xFF;
            int b = d[at + 1] & 0xFF;
            return little ? a | b << 8 : a << 8 | b;
        }

        long u32(int at) {
            if (at < 0 || at + 4 > end) {
                return -1;
            }
            long hi = u16(little ? at + 2 : at);
            long lo = u16(little ? at : at + 2);
            return hi << 16 | lo;
        }
    }

    private static Tiff tiff(byte[] d) {
        int[] length = new int[1];
        int seg = app1(d, length);
        while (seg >= 0) {
            int start = seg + 4; // after marker and length
            int end = seg + 2 + length[0];
            if (end - start > 14 && d[start] == 'E' && d[start + 1] == 'x' && d[start + 2] == 'i' && d[start + 3] == 'f'
                    && d[start + 4] == 0 && d[start + 5] == 0) {
                int base = start + 6;
                boolean little = d[base] == 'I' && d[base + 1] == 'I';
                if (!little && !(d[base] == 'M' && d[base + 1] == 'M')) {
                    return null;
                }
                Tiff probe = new Tiff(d, base, 0, end, little);
                if (probe.u16(base + 2) != 42) {
                    return null;
                }
                long ifd0 = probe.u32(base + 4);
                if (ifd0 < 8 || base + ifd0 + 2 > end) {
                    return null;
                }
                return new Tiff(d, base, base + (int) ifd0, end, little);
            }
            seg = nextApp1(d, end, length);
        }
        return null;
    }

    /** The offset of the first APP1 marker, its segment length in {@code length[0]}; -1 when none. */
    private static int app1(byte[] d, int[] length) {
        if (d == null || d.length < 4 || (d[0] & 0xFF) != 0xFF || (d[1] & 0xFF) != 0xD8) {
            return -1;
        }
        return nextApp1(d, 2, length);
    }

    private static int nextApp1(byte[] d, int from, int[] length) {
        int i = from;
        while (i + 4 <= d.length && (d[i] & 0xFF) == 0xFF) {
            int marker = d[i + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) { // start of scan / end of image: no more headers
                return -1;
            }
            int len = (d[i + 2] & 0xFF) << 8 | d[i + 3] & 0xFF;
            if (len < 2 || i + 2 + len > d.length) {
                return -1;
            }
            if (marker == 0xE1) {
                if (length != null) {
                    length[0] = len;
                }
                return i;
            }
            i += 2 + len;
        }
        return -1;
    }
}
