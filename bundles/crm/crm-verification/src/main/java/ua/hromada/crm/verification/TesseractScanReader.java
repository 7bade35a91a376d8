package ua.hromada.crm.verification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.crm.api.ReadWord;
import ua.hromada.crm.api.ScanReader;
import ua.hromada.crm.api.ScanText;
import ua.hromada.portal.api.ocr.Tesseract;

/**
 * Reads scans with this server's tesseract ({@code -l ukr+eng}, TSV output for the word boxes):
 * an image as uploaded, a PDF page by page rendered by PDFBox at the configured resolution. Nothing
 * leaves the server. Whatever goes wrong (no program, no Ukrainian data, a timeout, not an image)
 * is answered as {@link ScanText#unreadable} with the reason in Ukrainian, never thrown.
 */
@Component(service = ScanReader.class, configurationPid = EnginesConfig.PID)
@Designate(ocd = EnginesConfig.class)
public class TesseractScanReader implements ScanReader {
    private static final Logger LOG = LoggerFactory.getLogger(TesseractScanReader.class);

    private final OcrSettings settings;
    private final Tesseract tesseract;

    @Activate
    public TesseractScanReader(EnginesConfig config) {
        this(OcrSettings.of(config));
    }

    TesseractScanReader(OcrSettings settings) {
        this.settings = settings;
        this.tesseract = new Tesseract(settings.command(), settings.languages(), settings.timeout());
    }

    @Override
    public String engine() {
        return tesseract.engine();
    }

    @Override
    public ScanText read(byte[] content, String contentType) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("crm-ocr");
            if ("application/pdf".equals(contentType)) {
                return readPdf(content);
            }
            if (!"image/png".equals(contentType) && !"image/jpeg".equals(contentType)) {
                return ScanText.unreadable("скан не прочитано: тип файлу " + contentType + " не є зображенням чи PDF");
            }
            Path image = dir.resolve("page." + ("image/png".equals(contentType) ? "png" : "jpg"));
            Files.write(image, content);
            return new ScanText(TsvWords.parse(tesseract.read(image, 1, 0, "tsv"), 1), 1, "");
        } catch (Tesseract.OcrFailure e) {
            LOG.warn("OCR of a scan failed: {}", e.getMessage());
            return ScanText.unreadable("скан не прочитано: " + e.getMessage());
        } catch (IOException e) {
            LOG.warn("OCR of a scan failed", e);
            return ScanText.unreadable("скан не прочитано: файл пошкоджений або не є зображенням (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ScanText.unreadable("скан не прочитано: читання перервано");
        } finally {
            delete(dir);
        }
    }

    /** Every page rendered by PDFBox, then read by the shared {@link Tesseract}. */
    private ScanText readPdf(byte[] content) throws IOException, InterruptedException {
        List<String> pages;
        try (PDDocument pdf = PDDocument.load(content)) {
            PDFRenderer renderer = new PDFRenderer(pdf);
            pages = tesseract.readPages(Math.min(pdf.getNumberOfPages(), settings.maxPages()),
                    i -> renderer.renderImageWithDPI(i, settings.pdfDpi(), ImageType.GRAY), settings.pdfDpi(), "tsv",
                    read -> { });
        } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
            return ScanText.unreadable("скан не прочитано: PDF захищено паролем");
        }
        List<ReadWord> words = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            words.addAll(TsvWords.parse(pages.get(i), i + 1));
        }
        return new ScanText(words, pages.size(), "");
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("temporary OCR files left in {}", dir, e);
        }
    }
}
