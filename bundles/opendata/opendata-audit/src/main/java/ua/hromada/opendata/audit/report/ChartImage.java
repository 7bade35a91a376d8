package ua.hromada.opendata.audit.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import ua.hromada.opendata.audit.report.Blocks.Chart;

/** A bar chart as a PNG picture drawn with Java2D (for the DOCX), in DejaVu Sans like the PDF. */
final class ChartImage {
    /** Pixels per PDF point: twice, so the picture stays sharp when printed. */
    static final int SCALE = 2;
    static final int WIDTH_PT = 515;

    private final Font regular;
    private final Font bold;

    ChartImage() {
        try {
            regular = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(PdfReport.fontBytes("DejaVuSans.ttf")));
            bold = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(PdfReport.fontBytes("DejaVuSans-Bold.ttf")));
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("DejaVu Sans unusable for charts", e);
        }
    }

    /** Height in points of the chart as drawn. */
    static int heightPt(Chart c) {
        return (c.title() == null ? 4 : 18) + c.labels().size() * 13 + 6;
    }

    byte[] png(Chart c) {
        int w = WIDTH_PT * SCALE;
        int h = heightPt(c) * SCALE;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.scale(SCALE, SCALE);
            float titleHeight = c.title() == null ? 4 : 18;
            float labelWidth = 200;
            float barArea = WIDTH_PT - labelWidth - 40;
            double top = c.top();
            if (c.title() != null) {
                g.setColor(Color.BLACK);
                g.setFont(bold.deriveFont(9f));
                g.drawString(c.title(), 0, 11);
            }
            g.setFont(regular.deriveFont(7f));
            FontMetrics fm = g.getFontMetrics();
            for (int i = 0; i < c.labels().size(); i++) {
                float y = titleHeight + i * 13;
                String label = shorten(fm, c.labels().get(i), labelWidth - 8);
                g.setColor(Color.BLACK);
                g.drawString(label, labelWidth - 4 - fm.stringWidth(label), y + 9);
                int bar = (int) Math.round(barArea * Math.max(0, c.values()[i]) / top);
                g.setColor(c.colors()[i]);
                g.fillRect((int) labelWidth, (int) y + 2, Math.max(bar, 1), 10);
                g.setColor(Color.BLACK);
                g.drawString(ReportLayout.number(c.values()[i]), labelWidth + bar + 3, y + 9);
            }
            g.setColor(new Color(200, 200, 200));
            g.drawLine((int) labelWidth, (int) titleHeight, (int) labelWidth, heightPt(c) - 2);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String shorten(FontMetrics fm, String s, float width) {
        String label = s == null ? "" : s;
        if (fm.stringWidth(label) <= width) {
            return label;
        }
        while (label.length() > 1 && fm.stringWidth(label + "…") > width) {
            label = label.substring(0, label.length() - 1);
        }
        return label + "…";
    }
}
