package ua.hromada.opendata.audit.report;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

import ua.hromada.opendata.audit.report.Blocks.Block;
import ua.hromada.opendata.audit.report.Blocks.Chart;
import ua.hromada.opendata.audit.report.Blocks.Heading;
import ua.hromada.opendata.audit.report.Blocks.Table;
import ua.hromada.opendata.audit.report.Blocks.Text;
import ua.hromada.opendata.audit.report.Blocks.Title;
import ua.hromada.opendata.audit.rules.Texts;

/**
 * The report as PDF with OpenPDF: tables, and bar charts drawn as vector graphics (their labels
 * stay text a reader can search). DejaVu Sans is embedded (subset): the standard PDF fonts have no Cyrillic.
 */
public final class PdfReport {
    private static final Color GRID = new Color(200, 200, 200);
    private static final Color HEAD = new Color(232, 238, 247);

    private final ReportLayout layout;
    private BaseFont regular;
    private BaseFont bold;

    public PdfReport(Texts texts) {
        this.layout = new ReportLayout(texts);
    }

    public void write(ReportData d, OutputStream out) throws IOException {
        write(layout.documentTitle(d), layout.blocks(d), out);
    }

    /** Any document made of blocks (the report, a request's letter). */
    void write(String title, List<Block> blocks, OutputStream out) throws IOException {
        regular = font("DejaVuSans.ttf");
        bold = font("DejaVuSans-Bold.ttf");
        Document doc = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            doc.addTitle(title);
            doc.addCreator("Hromada open data audit");
            doc.open();
            PdfContentByte cb = writer.getDirectContent();
            for (Block block : blocks) {
                render(doc, cb, block);
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IOException("the PDF report could not be laid out", e);
        }
    }

    private void render(Document doc, PdfContentByte cb, Block block) {
        if (block instanceof Title t) {
            doc.add(paragraph(t.title(), new Font(bold, 15), Element.ALIGN_CENTER, 0));
            doc.add(paragraph(t.subtitle(), new Font(regular, 11), Element.ALIGN_CENTER, 4));
        } else if (block instanceof Heading h) {
            Paragraph p = paragraph(h.text(), new Font(bold, 12), Element.ALIGN_LEFT, 14);
            p.setSpacingAfter(4);
            doc.add(p);
        } else if (block instanceof Text t) {
            doc.add(paragraph(t.text(), new Font(regular, t.small() ? 8.5f : 10), Element.ALIGN_JUSTIFIED, t.small() ? 4 : 10));
        } else if (block instanceof Chart c) {
            doc.add(chart(cb, c));
        } else if (block instanceof Table t) {
            doc.add(table(t));
        }
    }

    private Image chart(PdfContentByte cb, Chart c) {
        float width = 515;
        float row = 13;
        float titleHeight = c.title() == null ? 4 : 18;
        float height = titleHeight + c.labels().size() * row + 6;
        float labelWidth = 200;
        float barArea = width - labelWidth - 40;
        double top = c.top();
        PdfTemplate t = cb.createTemplate(width, height);
        if (c.title() != null) {
            text(t, bold, 9, c.title(), 0, height - 12, Element.ALIGN_LEFT);
        }
        for (int i = 0; i < c.labels().size(); i++) {
            float y = height - titleHeight - (i + 1) * row;
            text(t, regular, 7, shorten(c.labels().get(i), labelWidth, 7), labelWidth - 4, y + 3, Element.ALIGN_RIGHT);
            float w = (float) (barArea * Math.max(0, c.values()[i]) / top);
            t.setColorFill(c.colors()[i]);
            t.rectangle(labelWidth, y + 1, Math.max(w, 0.5f), row - 3);
            t.fill();
            text(t, regular, 7, ReportLayout.number(c.values()[i]), labelWidth + w + 3, y + 3, Element.ALIGN_LEFT);
        }
        t.setColorStroke(GRID);
        t.setLineWidth(0.5f);
        t.moveTo(labelWidth, 2);
        t.lineTo(labelWidth, height - titleHeight);
        t.stroke();
        Image image = Image.getInstance(t);
        image.setSpacingBefore(6);
        image.setSpacingAfter(6);
        return image;
    }

    private PdfPTable table(Table t) {
        PdfPTable table = new PdfPTable(t.widths());
        table.setWidthPercentage(100);
        table.setSpacingBefore(6);
        table.setHeaderRows(1);
        for (String h : t.header()) {
            PdfPCell cell = new PdfPCell(new Phrase(h, new Font(bold, 7.5f)));
            cell.setBackgroundColor(HEAD);
            cell.setPadding(3);
            table.addCell(cell);
        }
        for (var row : t.rows()) {
            for (int i = 0; i < row.size(); i++) {
                String value = row.get(i) == null ? "" : row.get(i);
                PdfPCell cell = new PdfPCell(new Phrase(value, new Font(regular, 7.5f)));
                cell.setHorizontalAlignment(i == 0 ? Element.ALIGN_LEFT : t.centered() ? Element.ALIGN_CENTER
                        : value.length() > 12 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
                cell.setPadding(3);
                table.addCell(cell);
            }
        }
        return table;
    }

    /** Cuts a label to the width it may take. */
    private String shorten(String s, float width, float size) {
        String label = s == null ? "" : s;
        if (regular.getWidthPoint(label, size) <= width - 8) {
            return label;
        }
        while (label.length() > 1 && regular.getWidthPoint(label + "…", size) > width - 8) {
            label = label.substring(0, label.length() - 1);
        }
        return label + "…";
    }

    private static void text(PdfTemplate t, BaseFont f, float size, String s, float x, float y, int align) {
        t.beginText();
        t.setColorFill(Color.BLACK);
        t.setFontAndSize(f, size);
        t.showTextAligned(align, s, x, y, 0);
        t.endText();
    }

    private static Paragraph paragraph(String text, Font font, int align, float before) {
        Paragraph p = new Paragraph(text, font);
        p.setAlignment(align);
        p.setSpacingBefore(before);
        return p;
    }

    static byte[] fontBytes(String name) {
        try (InputStream in = PdfReport.class.getResourceAsStream("/fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("font " + name + " missing from the bundle");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BaseFont font(String name) {
        try {
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, fontBytes(name), null);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("font " + name + " unusable", e);
        }
    }
}
