package ua.hromada.opendata.audit.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import ua.hromada.opendata.audit.report.Blocks.Block;
import ua.hromada.opendata.audit.report.Blocks.Chart;
import ua.hromada.opendata.audit.report.Blocks.Heading;
import ua.hromada.opendata.audit.report.Blocks.Table;
import ua.hromada.opendata.audit.report.Blocks.Text;
import ua.hromada.opendata.audit.report.Blocks.Title;
import ua.hromada.opendata.audit.rules.Texts;

/**
 * The report as a Word document (WordprocessingML written directly: the same blocks as the PDF,
 * charts as PNG pictures), for people who edit the report before it is signed.
 */
public final class DocxReport {
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    private static final String A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private static final String PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture";
    /** A4 with 2 cm margins: the text width in twentieths of a point. */
    private static final int TEXT_WIDTH_TWIPS = 11906 - 2 * 1134;
    private static final long EMU_PER_POINT = 12700;

    private final ReportLayout layout;

    public DocxReport(Texts texts) {
        this.layout = new ReportLayout(texts);
    }

    public void write(ReportData d, OutputStream out) throws IOException {
        write(layout.documentTitle(d), layout.blocks(d), out);
    }

    /** Any document made of blocks (the report, a request's letter). */
    static void write(String title, List<Block> blocks, OutputStream out) throws IOException {
        ChartImage charts = new ChartImage();
        List<byte[]> pictures = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (Block block : blocks) {
            if (block instanceof Title t) {
                paragraph(body, t.title(), true, 30, "center", 0);
                paragraph(body, t.subtitle(), false, 22, "center", 80);
            } else if (block instanceof Heading h) {
                paragraph(body, h.text(), true, 24, "left", 280);
            } else if (block instanceof Text t) {
                paragraph(body, t.text(), false, t.small() ? 17 : 20, "both", t.small() ? 80 : 200);
            } else if (block instanceof Chart c) {
                pictures.add(charts.png(c));
                picture(body, pictures.size(), ChartImage.WIDTH_PT, ChartImage.heightPt(c));
            } else if (block instanceof Table t) {
                table(body, t);
            }
        }
        ZipOutputStream zip = new ZipOutputStream(out);
        entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Default Extension=\"png\" ContentType=\"image/png\"/>"
                + "<Override PartName=\"/word/document.xml\""
                + " ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
                + "</Types>");
        entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + R + "/officeDocument\" Target=\"word/document.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\""
                + " Target=\"docProps/core.xml\"/></Relationships>");
        entry(zip, "docProps/core.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" + escape(title) + "</dc:title>"
                + "<dc:creator>Hromada open data audit</dc:creator></cp:coreProperties>");
        StringBuilder rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (int i = 1; i <= pictures.size(); i++) {
            rels.append("<Relationship Id=\"rIdChart").append(i).append("\" Type=\"").append(R)
                    .append("/image\" Target=\"media/chart").append(i).append(".png\"/>");
        }
        entry(zip, "word/_rels/document.xml.rels", rels.append("</Relationships>").toString());
        entry(zip, "word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<w:document xmlns:w=\"" + W + "\" xmlns:r=\"" + R + "\" xmlns:wp=\"" + WP + "\" xmlns:a=\"" + A
                + "\" xmlns:pic=\"" + PIC + "\"><w:body>" + body
                + "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\""
                + " w:left=\"1134\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>");
        for (int i = 0; i < pictures.size(); i++) {
            zip.putNextEntry(new ZipEntry("word/media/chart" + (i + 1) + ".png"));
            zip.write(pictures.get(i));
            zip.closeEntry();
        }
        zip.finish();
    }

    private static void entry(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** @param size half-points; @param before twentieths of a point */
    private static void paragraph(StringBuilder b, String text, boolean bold, int size, String align, int before) {
        b.append("<w:p><w:pPr><w:spacing w:before=\"").append(before).append("\" w:after=\"60\"/><w:jc w:val=\"")
                .append(align).append("\"/></w:pPr>");
        run(b, text, bold, size);
        b.append("</w:p>");
    }

    private static void run(StringBuilder b, String text, boolean bold, int size) {
        b.append("<w:r><w:rPr>").append(bold ? "<w:b/>" : "").append("<w:sz w:val=\"").append(size)
                .append("\"/></w:rPr><w:t xml:space=\"preserve\">").append(escape(text)).append("</w:t></w:r>");
    }

    private static void picture(StringBuilder b, int n, int widthPt, int heightPt) {
        long cx = widthPt * EMU_PER_POINT;
        long cy = heightPt * EMU_PER_POINT;
        b.append("<w:p><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"")
                .append(cx).append("\" cy=\"").append(cy).append("\"/><wp:docPr id=\"").append(n).append("\" name=\"chart")
                .append(n).append("\"/><a:graphic><a:graphicData uri=\"").append(PIC).append("\"><pic:pic><pic:nvPicPr>")
                .append("<pic:cNvPr id=\"").append(n).append("\" name=\"chart").append(n).append(".png\"/><pic:cNvPicPr/>")
                .append("</pic:nvPicPr><pic:blipFill><a:blip r:embed=\"rIdChart").append(n)
                .append("\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/>")
                .append("<a:ext cx=\"").append(cx).append("\" cy=\"").append(cy)
                .append("\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>")
                .append("</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>");
    }

    private static void table(StringBuilder b, Table t) {
        float total = 0;
        for (float w : t.widths()) {
            total += w;
        }
        int[] twips = new int[t.widths().length];
        for (int i = 0; i < twips.length; i++) {
            twips[i] = Math.round(TEXT_WIDTH_TWIPS * t.widths()[i] / total);
        }
        b.append("<w:tbl><w:tblPr><w:tblW w:w=\"").append(TEXT_WIDTH_TWIPS).append("\" w:type=\"dxa\"/><w:tblBorders>");
        for (String side : new String[] {"top", "left", "bottom", "right", "insideH", "insideV"}) {
            b.append("<w:").append(side).append(" w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"C8C8C8\"/>");
        }
        b.append("</w:tblBorders><w:tblCellMar><w:left w:w=\"60\" w:type=\"dxa\"/><w:right w:w=\"60\" w:type=\"dxa\"/>")
                .append("</w:tblCellMar></w:tblPr><w:tblGrid>");
        for (int w : twips) {
            b.append("<w:gridCol w:w=\"").append(w).append("\"/>");
        }
        b.append("</w:tblGrid>");
        row(b, t.header(), twips, true, t.centered());
        for (List<String> r : t.rows()) {
            row(b, r, twips, false, t.centered());
        }
        b.append("</w:tbl><w:p/>");
    }

    private static void row(StringBuilder b, List<String> cells, int[] twips, boolean header, boolean centered) {
        b.append("<w:tr>").append(header ? "<w:trPr><w:tblHeader/></w:trPr>" : "");
        for (int i = 0; i < cells.size(); i++) {
            String value = cells.get(i) == null ? "" : cells.get(i);
            String align = header || i == 0 ? "left" : centered ? "center" : value.length() > 12 ? "left" : "right";
            b.append("<w:tc><w:tcPr><w:tcW w:w=\"").append(twips[i]).append("\" w:type=\"dxa\"/>")
                    .append(header ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E8EEF7\"/>" : "")
                    .append("</w:tcPr><w:p><w:pPr><w:spacing w:before=\"20\" w:after=\"20\"/><w:jc w:val=\"").append(align)
                    .append("\"/></w:pPr>");
            run(b, value, header, 15);
            b.append("</w:p></w:tc>");
        }
        b.append("</w:tr>");
    }

    /** Text as XML character data; characters XML 1.0 cannot carry are dropped. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }
}
