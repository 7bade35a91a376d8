package ua.hromada.docsearch.service;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A scan as a council's scanner makes it: lines of Ukrainian text drawn with Java2D (DejaVu Sans,
 * which has Cyrillic: {@code fc-list :lang=uk}) into a grey A4 image at 300 dpi, put into a PDF as
 * the page's only content, so the PDF has no text layer.
 */
final class ScanPdf {
    private static final int DPI = 300;

    private ScanPdf() {
    }

    static byte[] of(String... lines) throws IOException {
        int width = (int) (8.27 * DPI);
        int height = (int) (11.69 * DPI);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        // 14 pt at 300 dpi
        g.setFont(new Font("DejaVu Sans", Font.PLAIN, 58));
        int y = 300;
        for (String line : lines) {
            g.drawString(line, 250, y);
            y += 100;
        }
        g.dispose();
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            PDImageXObject scan = LosslessFactory.createFromImage(pdf, image);
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                content.drawImage(scan, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
            }
            pdf.save(out);
            return out.toByteArray();
        }
    }
}
