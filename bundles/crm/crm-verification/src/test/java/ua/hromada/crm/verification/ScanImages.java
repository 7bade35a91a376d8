package ua.hromada.crm.verification;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Scans the tests make themselves: lines of Ukrainian text drawn with DejaVu Sans at about 300 dpi
 * (11 pt), then degraded as a printed and scanned page is — turned by a fraction of a degree,
 * blurred, speckled with grey noise — as a PNG, or as the image inside a PDF page (as a scanner
 * writes it).
 */
final class ScanImages {
    static final File FONT = new File("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    private static final int WIDTH = 2000;
    private static final int LINE = 78;
    private static final int MARGIN = 120;

    private ScanImages() {
    }

    /** The lines as a scanned page; {@code seed} fixes the noise so a test sees the same image every run. */
    static BufferedImage page(List<String> lines, long seed) throws IOException {
        Font font;
        try {
            font = Font.createFont(Font.TRUETYPE_FONT, FONT).deriveFont(46f);
        } catch (FontFormatException e) {
            throw new IOException(e);
        }
        int height = MARGIN * 2 + LINE * lines.size();
        BufferedImage clean = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = clean.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setColor(new Color(25, 25, 35));
        g.setFont(font);
        for (int i = 0; i < lines.size(); i++) {
            g.drawString(lines.get(i), MARGIN, MARGIN + LINE * (i + 1) - 20);
        }
        g.dispose();
        return scanned(clean, new Random(seed));
    }

    /** A slight turn (0.6°), a blur and noise: what a flatbed scanner makes of a printout. */
    private static BufferedImage scanned(BufferedImage clean, Random random) {
        BufferedImage turned = new BufferedImage(clean.getWidth(), clean.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = turned.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, turned.getWidth(), turned.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(clean, AffineTransform.getRotateInstance(Math.toRadians(0.6), clean.getWidth() / 2.0,
                clean.getHeight() / 2.0), null);
        g.dispose();
        float[] blur = new float[9];
        java.util.Arrays.fill(blur, 1f / 9f);
        BufferedImage blurred = new ConvolveOp(new Kernel(3, 3, blur), ConvolveOp.EDGE_NO_OP, null).filter(turned, null);
        BufferedImage gray = new BufferedImage(blurred.getWidth(), blurred.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < blurred.getHeight(); y++) {
            for (int x = 0; x < blurred.getWidth(); x++) {
                int rgb = blurred.getRGB(x, y);
                int v = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
                v += (int) (random.nextGaussian() * 14);
                if (random.nextInt(2000) == 0) {
                    v = 60; // a speck of dust
                }
                v = Math.max(0, Math.min(255, v));
                gray.getRaster().setSample(x, y, 0, v);
            }
        }
        return gray;
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** The images as PDF pages at 300 dpi, as a scanner's PDF holds them. */
    static byte[] pdf(BufferedImage... images) throws IOException {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (BufferedImage image : images) {
                float width = image.getWidth() * 72f / 300f;
                float height = image.getHeight() * 72f / 300f;
                PDPage page = new PDPage(new PDRectangle(width, height));
                pdf.addPage(page);
                PDImageXObject xobject = LosslessFactory.createFromImage(pdf, image);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.drawImage(xobject, 0, 0, width, height);
                }
            }
            pdf.save(out);
            return out.toByteArray();
        }
    }

    /** The top of the n-th line (0-based) on a page of {@link #page}, before the slight turn. */
    static int lineTop(int n) {
        return MARGIN + LINE * n;
    }

    static int lineHeight() {
        return LINE;
    }

    /** The text of an ID card's data page as the tests print it. */
    static List<String> idCard(String lastName, String firstName, String birthDate, String taxNumber,
            String documentNumber, String registryNumber) {
        return List.of("УКРАЇНА / UKRAINE", "ПАСПОРТ ГРОМАДЯНИНА УКРАЇНИ", "Прізвище / Surname: " + lastName,
                "Ім’я / Given names: " + firstName, "Дата народження: " + birthDate, "РНОКПП: " + taxNumber,
                "Документ №: " + documentNumber, "Запис №: " + registryNumber);
    }
}
