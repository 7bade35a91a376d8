package ua.hromada.crm.verification;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

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

    @Activate
    public TesseractScanReader(EnginesConfig config) {
        this(OcrSettings.of(config));
    }

    TesseractScanReader(OcrSettings settings) {
        this.settings = settings;
    }

    @Override
    public String engine() {
        return String.join(" ", settings.command()) + " -l " + settings.languages();
    }

    @Override
    public ScanText read(byte[] content, String contentType) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("crm-ocr");
            if ("application/pdf".equals(contentType)) {
                return readPdf(content, dir);
            }
            if (!"image/png".equals(contentType) && !"image/jpeg".equals(contentType)) {
                return ScanText.unreadable("скан не прочитано: тип файлу " + contentType + " не є зображенням чи PDF");
            }
            Path image = dir.resolve("page." + ("image/png".equals(contentType) ? "png" : "jpg"));
            Files.write(image, content);
            return page(image, 1, 0);
        } catch (OcrFailure e) {
            return ScanText.unreadable(e.getMessage());
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

    private ScanText readPdf(byte[] content, Path dir) throws IOException, InterruptedException {
        List<ReadWord> words = new ArrayList<>();
        int pages;
        try (PDDocument pdf = PDDocument.load(content)) {
            PDFRenderer renderer = new PDFRenderer(pdf);
            pages = Math.min(pdf.getNumberOfPages(), settings.maxPages());
            for (int i = 0; i < pages; i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, settings.pdfDpi(), ImageType.GRAY);
                Path file = dir.resolve("page-" + (i + 1) + ".png");
                ImageIO.write(image, "png", file.toFile());
                words.addAll(page(file, i + 1, settings.pdfDpi()).words());
                Files.delete(file);
            }
        } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
            return ScanText.unreadable("скан не прочитано: PDF захищено паролем");
        }
        return new ScanText(words, pages, "");
    }

    /** One page image through tesseract; {@code dpi} 0 lets tesseract take or estimate it. */
    private ScanText page(Path image, int page, int dpi) throws IOException, InterruptedException {
        Path base = image.resolveSibling(image.getFileName() + "-out");
        List<String> command = new ArrayList<>(settings.command());
        command.add(image.toString());
        command.add(base.toString());
        command.add("-l");
        command.add(settings.languages());
        if (dpi > 0) {
            command.add("--dpi");
            command.add(Integer.toString(dpi));
        }
        command.add("tsv");
        Path log = image.resolveSibling(image.getFileName() + ".log");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new OcrFailure("скан не прочитано: на сервері немає tesseract (команда «" + settings.command().get(0)
                    + "» не запускається); встановіть пакети tesseract-ocr і tesseract-ocr-ukr або вкажіть ocr.command");
        }
        if (!process.waitFor(settings.timeout().toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new OcrFailure("скан не прочитано: tesseract не впорався за " + settings.timeout().toSeconds()
                    + " с (сторінка " + page + ")");
        }
        Path tsv = base.resolveSibling(base.getFileName() + ".tsv");
        if (process.exitValue() != 0 || !Files.exists(tsv)) {
            String output = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8).strip() : "";
            LOG.warn("tesseract exit {} on page {}: {}", process.exitValue(), page, output);
            if (output.contains("Failed loading language")) {
                throw new OcrFailure("скан не прочитано: tesseract не має мовних даних «" + settings.languages()
                        + "» (пакет tesseract-ocr-ukr)");
            }
            throw new OcrFailure("скан не прочитано: tesseract завершився з помилкою (" + lastLine(output) + ")");
        }
        return new ScanText(TsvWords.parse(Files.readString(tsv, StandardCharsets.UTF_8), page), 1, "");
    }

    private static String lastLine(String output) {
        String[] lines = output.split("\r?\n");
        return lines.length == 0 || lines[lines.length - 1].isBlank() ? "код виходу не 0" : lines[lines.length - 1];
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

    /** A reason the scan was not read, already in the administrator's words. */
    private static final class OcrFailure extends IOException {
        OcrFailure(String message) {
            super(message);
        }
    }
}
