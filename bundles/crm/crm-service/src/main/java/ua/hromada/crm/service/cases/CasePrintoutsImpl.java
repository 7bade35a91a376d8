package ua.hromada.crm.service.cases;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import ua.hromada.crm.api.CaseDocument;
import ua.hromada.crm.api.CasePrintouts;
import ua.hromada.crm.api.CaseSource;
import ua.hromada.crm.api.ServiceCards;
import ua.hromada.crm.api.ServiceCase;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.calendar.DisplayFormats;

/**
 * The inventory and the receipt as PDF with OpenPDF, the way open data's audit reports are made:
 * DejaVu Sans embedded (subset), since the standard PDF fonts have no Cyrillic; the text stays text
 * a reader (and a test) can extract.
 */
@Component(service = CasePrintouts.class)
public class CasePrintoutsImpl implements CasePrintouts {

    private final CasesImpl cases;
    private final ServiceCards cards;
    private final CaseMessages messages = new CaseMessages();

    @Activate
    public CasePrintoutsImpl(@Reference CasesImpl cases, @Reference ServiceCards cards) {
        this.cases = cases;
        this.cards = cards;
    }

    @Override
    public byte[] inventory(PortalUser user, long caseId) {
        CaseStore.Row row = cases.visible(user, caseId);
        ServiceCase v = row.value();
        return pdf(messages.ukrainian("crm.case.print.inventory.title"), (doc, fonts) -> {
            head(doc, fonts, v, row.provider().name());
            PdfPTable table = new PdfPTable(new float[] {1f, 9f, 3f, 2.2f});
            table.setWidthPercentage(100);
            table.setSpacingBefore(10);
            for (String key : new String[] {"position", "document", "form", "received"}) {
                table.addCell(cell(messages.ukrainian("crm.case.print.col." + key), fonts.bold()));
            }
            table.setHeaderRows(1);
            for (CaseDocument d : v.documents()) {
                table.addCell(cell(String.valueOf(d.position()), fonts.regular()));
                table.addCell(cell(d.name(), fonts.regular()));
                table.addCell(cell(messages.ukrainian(d.original() ? "crm.case.print.original" : "crm.case.print.copy"),
                        fonts.regular()));
                table.addCell(cell(messages.ukrainian(d.received() ? "crm.case.print.yes" : "crm.case.print.no"),
                        fonts.regular()));
            }
            doc.add(table);
            doc.add(line(messages.ukrainian("crm.case.print.administrator", administrator(v)), fonts.regular(), 14));
            doc.add(line(messages.ukrainian("crm.case.print.signature.administrator"), fonts.regular(), 24));
            doc.add(line(messages.ukrainian("crm.case.print.signature.applicant"), fonts.regular(), 18));
        });
    }

    @Override
    public byte[] receipt(PortalUser user, long caseId) {
        CaseStore.Row row = cases.visible(user, caseId);
        ServiceCase v = row.value();
        String result = cards.version(user, v.cardId(), v.cardVersion()).map(c -> c.result()).orElse("");
        CaseSettings settings = cases.settings();
        return pdf(messages.ukrainian("crm.case.print.receipt.title"), (doc, fonts) -> {
            doc.add(centred(messages.ukrainian("crm.case.print.receipt.subtitle"), fonts.regular()));
            head(doc, fonts, v, row.provider().name());
            doc.add(line(messages.ukrainian("crm.case.print.deadline", DisplayFormats.DATE.format(v.deadline())),
                    fonts.bold(), 10));
            if (result != null && !result.isBlank()) {
                doc.add(line(messages.ukrainian("crm.case.print.result", result.strip()), fonts.regular(), 6));
            }
            doc.add(line(messages.ukrainian("crm.case.print.contacts", settings.centreName(),
                    settings.centreContacts()), fonts.regular(), 6));
            doc.add(line(messages.ukrainian("crm.case.print.howToGet"), fonts.regular(), 6));
            doc.add(line(messages.ukrainian("crm.case.print.administrator", administrator(v)), fonts.regular(), 14));
            doc.add(line(messages.ukrainian("crm.case.print.signature.administrator"), fonts.regular(), 24));
        });
    }

    private void head(Document doc, Fonts fonts, ServiceCase v, String provider) {
        LocalDateTime registered = LocalDateTime.ofInstant(v.registeredAt(), cases.settings().portal().timeZone());
        doc.add(line(messages.ukrainian("crm.case.print.number", v.number(), DisplayFormats.DATE_TIME.format(registered)),
                fonts.bold(), 12));
        doc.add(line(messages.ukrainian("crm.case.print.applicant", v.applicantName()), fonts.regular(), 6));
        doc.add(line(messages.ukrainian("crm.case.print.service", v.serviceName(), v.cardVersion()), fonts.regular(), 4));
        doc.add(line(messages.ukrainian("crm.case.print.provider", provider), fonts.regular(), 4));
        if (v.byProxy()) {
            doc.add(line(messages.ukrainian("crm.case.print.byProxy"), fonts.regular(), 4));
        }
        if (v.source() == CaseSource.E_APPEAL && !v.appealNumber().isEmpty()) {
            doc.add(line(messages.ukrainian("crm.case.print.appeal", v.appealNumber()), fonts.regular(), 4));
        }
    }

    /** The two faces of the embedded font at the printouts' sizes. */
    private record Fonts(Font regular, Font bold, Font title) {
    }

    @FunctionalInterface
    private interface Body {
        void write(Document doc, Fonts fonts);
    }

    private static byte[] pdf(String title, Body body) {
        BaseFont regular = font("DejaVuSans.ttf");
        BaseFont bold = font("DejaVuSans-Bold.ttf");
        Fonts fonts = new Fonts(new Font(regular, 10.5f), new Font(bold, 10.5f), new Font(bold, 14));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 56, 42, 42, 42);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(title);
            doc.addCreator("Hromada ЦНАП CRM");
            doc.open();
            doc.add(centred(title, fonts.title()));
            body.write(doc, fonts);
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the printout could not be laid out", e);
        }
        return out.toByteArray();
    }

    /** Who accepted the papers, by name (a case opened before names were kept shows the user name). */
    static String administrator(ServiceCase v) {
        return v.administratorName() == null || v.administratorName().isBlank() ? v.administrator() : v.administratorName();
    }

    private static Paragraph centred(String text, Font font) {
        Paragraph p = new Paragraph(text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingAfter(4);
        return p;
    }

    private static Paragraph line(String text, Font font, float before) {
        Paragraph p = new Paragraph(text, font);
        p.setSpacingBefore(before);
        return p;
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setPadding(4);
        return c;
    }

    private static BaseFont font(String name) {
        try (InputStream in = CasePrintoutsImpl.class.getClassLoader().getResourceAsStream("fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("font " + name + " missing from the bundle");
            }
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException("font " + name + " unusable", e);
        }
    }
}
