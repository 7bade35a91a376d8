package ua.hromada.oks.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.draw.LineSeparator;

import ua.hromada.oks.api.DocumentTemplate;
import ua.hromada.oks.api.ViolationDocuments.Kind;
import ua.hromada.oks.api.Violator;
import ua.hromada.portal.api.calendar.DisplayFormats;

/**
 * Lays out the warning and the protocol with OpenPDF (paragraphs and tables wrap by themselves).
 * DejaVu Sans is embedded (subset) because the standard PDF fonts have no Cyrillic.
 */
final class PdfRenderer {
    private static final String REGULAR = "DejaVuSans.ttf";
    private static final float CELL_PADDING = 4;
    private static final String BOLD = "DejaVuSans-Bold.ttf";

    private final Requisites requisites;
    private final ZoneId zone;
    private final Texts texts;
    private final byte[] regularFont;
    private final byte[] boldFont;

    PdfRenderer(Requisites requisites, ZoneId zone, Texts texts) {
        this(requisites, zone, texts, font(REGULAR), font(BOLD));
    }

    private PdfRenderer(Requisites requisites, ZoneId zone, Texts texts, byte[] regularFont, byte[] boldFont) {
        this.requisites = requisites;
        this.zone = zone;
        this.texts = texts;
        this.regularFont = regularFont;
        this.boldFont = boldFont;
    }

    /** The same renderer printing other requisites (a community's own), the fonts read once. */
    PdfRenderer with(Requisites other) {
        return other.equals(requisites) ? this : new PdfRenderer(other, zone, texts, regularFont, boldFont);
    }

    Requisites requisites() {
        return requisites;
    }

    /** The registration number as issued: the same on every print. */
    String number(DocumentData d) {
        return d.document().number();
    }

    byte[] render(DocumentData d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        Document doc = new Document(PageSize.A4, 56, 42, 42, 42);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            Fonts f = new Fonts(BaseFont.createFont(REGULAR, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, regularFont, null),
                    BaseFont.createFont(BOLD, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, boldFont, null));
            writer.setPageEvent(pageFooter(number(d), f.small));
            Map<String, String> fields = fields(d);
            List<String> heading = List.of(fill(d.template().heading(), fields).split("\\R"));
            doc.addTitle(String.join(" ", heading));
            doc.addAuthor(requisites.councilName());
            doc.addCreator("Hromada OKS");
            doc.open();
            header(doc, f);
            titleBlock(doc, f, d, heading);
            for (String p : fill(d.template().body(), fields).split("\\R\\s*\\R")) {
                if (!p.isBlank()) {
                    doc.add(paragraph(p.strip(), f.normal, Element.ALIGN_JUSTIFIED, 8));
                }
            }
            doc.add(facts(f, d));
            if (d.kind() == Kind.PROTOCOL) {
                doc.add(paragraph(texts.get("oks.documents.protocol.journal"), f.bold, Element.ALIGN_LEFT, 14));
                doc.add(journal(f, doc, d));
            }
            signatures(doc, f, d, d.kind() == Kind.PROTOCOL);
            doc.close();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("PDF of violation " + d.violationId() + " could not be produced", e);
        }
        return out.toByteArray();
    }

    /** "<number>, аркуш N" at the foot of every page: a long protocol's pages stay together. */
    private PdfPageEventHelper pageFooter(String number, Font font) {
        return new PdfPageEventHelper() {
            @Override
            public void onEndPage(PdfWriter writer, Document document) {
                Phrase footer = new Phrase(texts.get("oks.documents.page", number, String.valueOf(writer.getPageNumber())), font);
                ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_RIGHT, footer, document.right(),
                        document.bottom() - 18, 0);
            }
        };
    }

    private void header(Document doc, Fonts f) throws DocumentException {
        if (!requisites.councilName().isEmpty()) {
            doc.add(paragraph(requisites.councilName().toUpperCase(Texts.UKRAINIAN), f.titleSmall, Element.ALIGN_CENTER, 0));
        }
        if (!requisites.department().isEmpty()) {
            doc.add(paragraph(requisites.department(), f.bold, Element.ALIGN_CENTER, 2));
        }
        List<String> contacts = new ArrayList<>();
        add(contacts, requisites.address(), null);
        add(contacts, requisites.phone(), "oks.documents.requisites.phone");
        add(contacts, requisites.email(), "oks.documents.requisites.email");
        add(contacts, requisites.edrpou(), "oks.documents.requisites.edrpou");
        if (!contacts.isEmpty()) {
            doc.add(paragraph(String.join(", ", contacts), f.small, Element.ALIGN_CENTER, 4));
        }
        Chunk rule = new Chunk(new LineSeparator(1.2f, 100, null, Element.ALIGN_CENTER, -4));
        rule.setFont(f.small); // else OpenPDF embeds its default font just for this line
        doc.add(rule);
    }

    private void add(List<String> parts, String value, String key) {
        if (!value.isEmpty()) {
            parts.add(key == null ? value : texts.get(key, value));
        }
    }

    private void titleBlock(Document doc, Fonts f, DocumentData d, List<String> heading) throws DocumentException {
        PdfPTable placeAndDate = new PdfPTable(2);
        placeAndDate.setWidthPercentage(100);
        placeAndDate.setSpacingBefore(14);
        placeAndDate.addCell(borderless(requisites.city(), f.normal, Element.ALIGN_LEFT));
        placeAndDate.addCell(borderless(DisplayFormats.DATE.format(d.issuedOn()), f.normal, Element.ALIGN_RIGHT));
        doc.add(placeAndDate);
        for (int i = 0; i < heading.size(); i++) {
            // the first line is the document's name; the rest (subject, number) under it
            doc.add(paragraph(heading.get(i).strip(), i == 0 ? f.title : f.bold, Element.ALIGN_CENTER, i == 0 ? 12 : 2));
        }
    }

    /** The values of the template's placeholders ({@link DocumentTemplate#PLACEHOLDERS}); a missing one prints «не встановлено». */
    Map<String, String> fields(DocumentData d) {
        Map<String, String> m = new HashMap<>();
        m.put("number", number(d));
        m.put("date", DisplayFormats.DATE.format(d.issuedOn()));
        m.put("violator", d.violator() == null ? null : violator(d.violator()));
        m.put("article", d.document().article() == null ? null : d.document().article().citation());
        m.put("address", d.address());
        m.put("type", d.typeName());
        m.put("description", d.description() == null ? null : d.description().strip().replaceAll("[.\\s]+$", ""));
        m.put("deadline", d.deadline() == null ? null : DisplayFormats.DATE.format(d.deadline()));
        m.put("council", requisites.councilName());
        m.put("inspector", d.document().issuedByName() == null ? d.inspectorName() : d.document().issuedByName());
        m.put("witnesses", d.document().witnesses());
        m.put("explanation", d.document().explanation());
        return m;
    }

    private String fill(String template, Map<String, String> fields) {
        String out = template;
        for (String key : DocumentTemplate.PLACEHOLDERS) {
            String value = fields.get(key);
            out = out.replace("{" + key + "}", value == null || value.isBlank() ? texts.get("oks.documents.none") : value);
        }
        return out;
    }

    private PdfPTable facts(Fonts f, DocumentData d) throws DocumentException {
        PdfPTable t = new PdfPTable(new float[] {2.1f, 4.9f});
        t.setWidthPercentage(100);
        t.setSpacingBefore(10);
        row(t, f, "oks.documents.field.number", number(d));
        row(t, f, "oks.documents.field.article", d.document().article() == null ? null : d.document().article().citation());
        row(t, f, "oks.documents.field.id", String.valueOf(d.violationId()));
        row(t, f, "oks.documents.field.registered", d.registeredAt() == null ? null : DisplayFormats.DATE_TIME.format(d.registeredAt().atZone(zone)));
        row(t, f, "oks.documents.field.type", d.typeName());
        row(t, f, "oks.documents.field.address", d.address());
        row(t, f, "oks.documents.field.coordinates",
                String.format(Locale.ROOT, "%.6f, %.6f", d.latitude(), d.longitude()));
        row(t, f, "oks.documents.field.description", d.description());
        row(t, f, "oks.documents.field.urgency", texts.get("oks.documents.urgency." + d.urgency().name()));
        row(t, f, "oks.documents.field.violator", d.violator() == null ? null : violator(d.violator()));
        row(t, f, "oks.documents.field.executor", d.executorName());
        row(t, f, "oks.documents.field.deadline", d.deadline() == null ? null : DisplayFormats.DATE.format(d.deadline()));
        row(t, f, "oks.documents.field.inspector", d.inspectorName());
        row(t, f, "oks.documents.field.status", d.statusCode() + " " + d.statusName());
        return t;
    }

    private void row(PdfPTable t, Fonts f, String labelKey, String value) {
        t.addCell(cell(texts.get(labelKey), f.bold));
        t.addCell(cell(value == null || value.isBlank() ? texts.get("oks.documents.none") : value, f.normal));
    }

    private PdfPTable journal(Fonts f, Document doc, DocumentData d) throws DocumentException {
        List<String> headers = List.of("at", "code", "action", "author", "comment", "deadline", "executor").stream()
                .map(h -> texts.get("oks.documents.journal." + h)).toList();
        List<List<String>> rows = d.steps().stream().map(s -> java.util.Arrays.asList(
                DisplayFormats.DATE_TIME.format(s.at().atZone(zone)), s.code(), s.action(), s.author(), s.comment(),
                DisplayFormats.date(s.deadline()), s.executor())).toList();
        float[] minimum = new float[headers.size()];
        for (int i = 0; i < minimum.length; i++) {
            minimum[i] = longestWord(headers.get(i), f.smallBold);
            for (List<String> row : rows) {
                minimum[i] = Math.max(minimum[i], longestWord(row.get(i), f.small));
            }
        }
        float total = doc.right() - doc.left();
        PdfPTable t = new PdfPTable(fitWords(total, new float[] {1.45f, 0.6f, 1.75f, 1.45f, 2.1f, 1.35f, 1.6f}, minimum));
        t.setTotalWidth(total);
        t.setLockedWidth(true);
        t.setSpacingBefore(4);
        t.setHeaderRows(1);
        for (String h : headers) {
            PdfPCell c = cell(h, f.smallBold);
            c.setGrayFill(0.9f);
            t.addCell(c);
        }
        for (List<String> row : rows) {
            for (String value : row) {
                t.addCell(cell(value, f.small));
            }
        }
        return t;
    }

    private void signatures(Document doc, Fonts f, DocumentData d, boolean protocol) throws DocumentException {
        PdfPTable t = new PdfPTable(new float[] {3.2f, 2.3f, 2.5f});
        t.setWidthPercentage(100);
        t.setSpacingBefore(28);
        t.setKeepTogether(true); // the signatures are not split between two sheets
        if (!requisites.signerPosition().isEmpty() || !requisites.signerName().isEmpty()) {
            signature(t, f, requisites.signerPosition(), requisites.signerName());
        }
        signature(t, f, texts.get("oks.documents.sign.inspector"), d.inspectorName());
        if (protocol) {
            signature(t, f, texts.get("oks.documents.sign.violator"), d.violator() == null ? "" : d.violator().name());
        }
        doc.add(t);
    }

    private void signature(PdfPTable t, Fonts f, String who, String name) {
        PdfPCell label = borderless(who, f.normal, Element.ALIGN_LEFT);
        label.setPaddingBottom(18);
        t.addCell(label);
        t.addCell(borderless(texts.get("oks.documents.sign.line"), f.small, Element.ALIGN_CENTER));
        t.addCell(borderless(name == null ? "" : name, f.bold, Element.ALIGN_RIGHT));
    }

    /** «юридична особа ТОВ «…», код ЄДРПОУ …, адреса: …» as the document names the violator. */
    String violator(Violator v) {
        StringBuilder s = new StringBuilder();
        if (v.kind() != null) {
            s.append(texts.get("oks.documents.violator." + v.kind().name())).append(' ');
        }
        s.append(v.name() == null ? "" : v.name());
        if (v.code() != null && !v.code().isBlank() && v.kind() != null) {
            s.append(", ").append(texts.get("oks.documents.violator.code." + v.kind().name(), v.code()));
        }
        if (v.address() != null && !v.address().isBlank()) {
            s.append(", ").append(texts.get("oks.documents.violator.address", v.address().strip()));
        }
        if (v.details() != null && !v.details().isBlank()) {
            s.append(", ").append(v.details().strip());
        }
        return s.toString();
    }

    private static Paragraph paragraph(String text, Font font, int alignment, float spacingBefore) {
        Paragraph p = new Paragraph(text, font);
        p.setAlignment(alignment);
        p.setSpacingBefore(spacingBefore);
        p.setLeading(font.getSize() * 1.35f);
        return p;
    }

    /**
     * Column widths that sum to {@code total}, in the proportions of {@code weights}, except that no
     * column is narrower than its {@code minimum} (its longest word) while others have room to give:
     * a name in a narrow column would otherwise be broken inside the word («Інспекторенк / о»).
     */
    static float[] fitWords(float total, float[] weights, float[] minimum) {
        int n = weights.length;
        float needed = 0;
        for (float m : minimum) {
            needed += m;
        }
        float[] w = new float[n];
        if (needed >= total) {
            // even the longest words do not fit side by side: share the page in their proportions
            for (int i = 0; i < n; i++) {
                w[i] = total * minimum[i] / needed;
            }
            return w;
        }
        boolean[] fixed = new boolean[n];
        boolean changed = true;
        while (changed) {
            changed = false;
            float free = total;
            float weight = 0;
            for (int i = 0; i < n; i++) {
                if (fixed[i]) {
                    free -= minimum[i];
                } else {
                    weight += weights[i];
                }
            }
            for (int i = 0; i < n; i++) {
                w[i] = fixed[i] ? minimum[i] : free * weights[i] / weight;
                if (!fixed[i] && w[i] < minimum[i]) {
                    fixed[i] = true; // pinned to its longest word; the others share what is left
                    changed = true;
                }
            }
        }
        return w;
    }

    /** The width of the longest word of {@code text} in {@code font}, with the cell's padding. */
    private static float longestWord(String text, Font font) {
        float longest = 0;
        if (text != null) {
            for (String word : text.split("\\s+")) {
                longest = Math.max(longest, font.getBaseFont().getWidthPoint(word, font.getSize()));
            }
        }
        return longest + 2 * CELL_PADDING + 1;
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell c = new PdfPCell(new Phrase(text == null ? "" : text, font));
        c.setPadding(CELL_PADDING);
        c.setLeading(0, 1.25f);
        return c;
    }

    private static PdfPCell borderless(String text, Font font, int alignment) {
        PdfPCell c = cell(text, font);
        c.setBorder(Rectangle.NO_BORDER);
        c.setHorizontalAlignment(alignment);
        return c;
    }

    private static byte[] font(String name) {
        try (InputStream in = PdfRenderer.class.getResourceAsStream("/fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("font " + name + " is missing from the bundle");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fonts of one document (OpenPDF tracks the glyphs used per document for subsetting). */
    private static final class Fonts {
        final Font normal;
        final Font bold;
        final Font small;
        final Font smallBold;
        final Font title;
        final Font titleSmall;

        Fonts(BaseFont regular, BaseFont boldFace) {
            normal = new Font(regular, 10.5f);
            bold = new Font(boldFace, 10.5f);
            small = new Font(regular, 8.5f);
            smallBold = new Font(boldFace, 8.5f);
            title = new Font(boldFace, 15f);
            titleSmall = new Font(boldFace, 12f);
        }
    }
}
