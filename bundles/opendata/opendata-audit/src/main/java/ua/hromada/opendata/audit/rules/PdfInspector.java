package ua.hromada.opendata.audit.rules;

import java.io.IOException;
import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/** Whether a PDF has a text layer, or is only pictures of pages (a scan). */
public final class PdfInspector {
    private static final Logger LOG = LoggerFactory.getLogger(PdfInspector.class);

    private PdfInspector() {
    }

    public static PdfProfile inspect(InputStream in, long maxBytes) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        Sniff kind = Sniff.of(bytes, Math.min(bytes.length, Sniff.HEAD));
        if (kind != Sniff.PDF || bytes.length > maxBytes) {
            return new PdfProfile(kind, false, 0, false);
        }
        PdfReader reader;
        try {
            reader = new PdfReader(bytes);
        } catch (IOException | RuntimeException e) {
            LOG.debug("PDF not readable for the text-layer check", e);
            return new PdfProfile(kind, false, 0, false);
        }
        try {
            int pages = reader.getNumberOfPages();
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int page = 1; page <= pages; page++) {
                if (hasText(reader, extractor, page)) {
                    return new PdfProfile(kind, true, pages, true);
                }
            }
            return new PdfProfile(kind, true, pages, false);
        } finally {
            reader.close();
        }
    }

    private static boolean hasText(PdfReader reader, PdfTextExtractor extractor, int page) {
        try {
            String text = extractor.getTextFromPage(page);
            return text != null && !text.isBlank();
        } catch (Exception e) {
            // a font the extractor cannot map: the page still has a text layer if it uses fonts
            PdfDictionary resources = reader.getPageN(page).getAsDict(PdfName.RESOURCES);
            return resources != null && resources.getAsDict(PdfName.FONT) != null;
        }
    }
}
