package ua.hromada.portal.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

/** Images a test draws, encoded as the real file a person or a service would send. */
public final class TestImages {

    /** The XMP packet's namespace line that opens its APP1 segment. */
    private static final String XMP_HEADER = "http://ns.adobe.com/xap/1.0/\0";

    private TestImages() {
    }

    /** {@code image} as the bytes of a PNG file. */
    public static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    /** {@code image} as the bytes of a plain JPEG file (JFIF header, no EXIF). */
    public static byte[] jpeg(BufferedImage image) {
        return encode(image, "jpg");
    }

    /**
     * Where and with what a phone took a photo: what its camera writes into the JPEG's EXIF block
     * and XMP packet.
     *
     * @param orientation EXIF orientation 1-8: 6 = the pixels are stored turned 90° counter-clockwise
     *                    and must be turned clockwise to be seen upright (a phone held upright)
     * @param latitude    degrees north (positive) or south
     * @param longitude   degrees east (positive) or west
     * @param make        camera maker, e.g. "samsung"
     * @param model       camera model, e.g. "SM-A525F"
     * @param littleEndian byte order of the EXIF block: "II" (most Android phones) or "MM" (iPhones)
     */
    public record PhoneExif(int orientation, double latitude, double longitude, String make, String model,
            boolean littleEndian) {
    }

    /**
     * {@code pixels} as a phone's JPEG: right after the start of the image an APP1 EXIF block (IFD0
     * with Make, Model, Orientation and a GPS directory with latitude and longitude) and an APP1 XMP
     * packet with the same position, no JFIF header, then the image data as ImageIO encodes it.
     * {@code pixels} are stored as given: with orientation 6, draw them turned counter-clockwise.
     */
    public static byte[] phoneJpeg(BufferedImage pixels, PhoneExif exif) {
        byte[] plain = jpeg(pixels);
        int rest = 2; // after SOI; the JFIF APP0 ImageIO writes is left out, as phones do
        if ((plain[2] & 0xFF) == 0xFF && (plain[3] & 0xFF) == 0xE0) {
            rest = 4 + ((plain[4] & 0xFF) << 8 | plain[5] & 0xFF);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        byte[] tiff = tiff(exif);
        segment(out, 0xE1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff));
        String xmp = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" xmlns:tiff=\"http://ns.adobe.com/tiff/1.0/\""
                + " exif:GPSLatitude=\"" + xmpCoordinate(exif.latitude(), 'N', 'S') + "\""
                + " exif:GPSLongitude=\"" + xmpCoordinate(exif.longitude(), 'E', 'W') + "\""
                + " tiff:Make=\"" + exif.make() + "\" tiff:Model=\"" + exif.model() + "\"/></rdf:RDF></x:xmpmeta>";
        segment(out, 0xE1, concat(XMP_HEADER.getBytes(StandardCharsets.ISO_8859_1), xmp.getBytes(StandardCharsets.UTF_8)));
        out.write(plain, rest, plain.length - rest);
        return out.toByteArray();
    }

    /** The TIFF structure of an EXIF block: IFD0 (Make, Model, Orientation, GPS pointer), then the GPS IFD. */
    private static byte[] tiff(PhoneExif exif) {
        byte[] make = (exif.make() + "\0").getBytes(StandardCharsets.ISO_8859_1);
        byte[] model = (exif.model() + "\0").getBytes(StandardCharsets.ISO_8859_1);
        int ifd0 = 8;
        int ifd0Size = 2 + 4 * 12 + 4;
        int makeAt = ifd0 + ifd0Size;
        int modelAt = makeAt + make.length;
        int gpsAt = modelAt + model.length;
        int gpsSize = 2 + 4 * 12 + 4;
        int latAt = gpsAt + gpsSize;
        int lonAt = latAt + 24;
        ByteBuffer b = ByteBuffer.allocate(lonAt + 24)
                .order(exif.littleEndian() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        b.put(exif.littleEndian() ? (byte) 'I' : (byte) 'M').put(exif.littleEndian() ? (byte) 'I' : (byte) 'M');
        b.putShort((short) 42).putInt(ifd0);
        b.putShort((short) 4); // IFD0: entries in ascending tag order
        entry(b, 0x010F, 2, make.length, makeAt);
        entry(b, 0x0110, 2, model.length, modelAt);
        b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) exif.orientation()).putShort((short) 0);
        entry(b, 0x8825, 4, 1, gpsAt);
        b.putInt(0); // no IFD1
        b.put(make).put(model);
        b.putShort((short) 4); // the GPS IFD
        b.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) (exif.latitude() >= 0 ? 'N' : 'S')).put((byte) 0)
                .putShort((short) 0);
        entry(b, 0x0002, 5, 3, latAt);
        b.putShort((short) 3).putShort((short) 2).putInt(2).put((byte) (exif.longitude() >= 0 ? 'E' : 'W')).put((byte) 0)
                .putShort((short) 0);
        entry(b, 0x0004, 5, 3, lonAt);
        b.putInt(0);
        rationalDegrees(b, Math.abs(exif.latitude()));
        rationalDegrees(b, Math.abs(exif.longitude()));
        return b.array();
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int valueOrOffset) {
        b.putShort((short) tag).putShort((short) type).putInt(count).putInt(valueOrOffset);
    }

    /** Degrees, minutes, seconds (×10000) as three RATIONALs, as cameras write them. */
    private static void rationalDegrees(ByteBuffer b, double value) {
        int degrees = (int) value;
        double m = (value - degrees) * 60;
        int minutes = (int) m;
        long seconds = Math.round((m - minutes) * 60 * 10_000);
        b.putInt(degrees).putInt(1).putInt(minutes).putInt(1).putInt((int) seconds).putInt(10_000);
    }

    private static String xmpCoordinate(double value, char positive, char negative) {
        double a = Math.abs(value);
        int degrees = (int) a;
        return String.format(java.util.Locale.ROOT, "%d,%.4f%c", degrees, (a - degrees) * 60,
                value >= 0 ? positive : negative);
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] body) {
        int length = body.length + 2;
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("a JPEG segment holds at most 65533 bytes");
        }
        out.write(0xFF);
        out.write(marker);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(body, 0, body.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalArgumentException("no ImageIO writer for " + format + " of this image type");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
