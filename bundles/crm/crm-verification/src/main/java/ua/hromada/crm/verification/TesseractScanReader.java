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

    /** Pages of a PDF read at once: the server's two cores. */
    static final int PARALLEL = 2;

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

    /** Renders every page first, then reads them {@value #PARALLEL} at a time (processes, not threads). */
    private ScanText readPdf(byte[] content, Path dir) throws IOException, InterruptedException {
        List<Path> files = new ArrayList<>();
        try (PDDocument pdf = PDDocument.load(content)) {
            PDFRenderer renderer = new PDFRenderer(pdf);
            int pages = Math.min(pdf.getNumberOfPages(), settings.maxPages());
            for (int i = 0; i < pages; i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, settings.pdfDpi(), ImageType.GRAY);
                Path file = dir.resolve("page-" + (i + 1) + ".png");
                ImageIO.write(image, "png", file.toFile());
                files.add(file);
            }
        } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
            return ScanText.unreadable("скан не прочитано: PDF захищено паролем");
        }
        List<ReadWord> words = new ArrayList<>();
        for (int from = 0; from < files.size(); from += PARALLEL) {
            List<Running> batch = new ArrayList<>();
            try {
                for (int i = from; i < Math.min(files.size(), from + PARALLEL); i++) {
                    batch.add(start(files.get(i), i + 1, settings.pdfDpi()));
                }
                for (Running running : batch) {
                    words.addAll(finish(running));
                }
            } finally {
                batch.forEach(r -> r.process().destroyForcibly());
            }
        }
        return new ScanText(words, files.size(), "");
    }

    /** One page image through tesseract; {@code dpi} 0 lets tesseract take or estimate it. */
    private ScanText page(Path image, int page, int dpi) throws IOException, InterruptedException {
        Running running = start(image, page, dpi);
        try {
            return new ScanText(finish(running), 1, "");
        } finally {
            running.process().destroyForcibly();
        }
    }

    /** A tesseract process reading one page into {@code base}.tsv. */
    private record Running(Process process, Path base, Path log, int page, long startedNanos) {
    }

    private Running start(Path image, int page, int dpi) throws IOException {
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
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // tesseract's own OpenMP threads fight each other on a small server: one page was 3× slower
        // with them than without; pages and scans are read side by side instead
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        try {
            return new Running(builder.start(), base, log, page, System.nanoTime());
        } catch (IOException e) {
            throw new OcrFailure("скан не прочитано: на сервері немає tesseract (команда «" + settings.command().get(0)
                    + "» не запускається); встановіть пакети tesseract-ocr і tesseract-ocr-ukr або вкажіть ocr.command");
        }
    }

    private List<ReadWord> finish(Running running) throws IOException, InterruptedException {
        long left = settings.timeout().toNanos() - (System.nanoTime() - running.startedNanos());
        if (!running.process().waitFor(Math.max(0, left), TimeUnit.NANOSECONDS)) {
            throw new OcrFailure("скан не прочитано: tesseract не впорався за " + settings.timeout().toSeconds()
                    + " с (сторінка " + running.page() + ")");
        }
        Path tsv = running.base().resolveSibling(running.base().getFileName() + ".tsv");
        int exit = running.process().exitValue();
        if (exit != 0 || !Files.exists(tsv)) {
            String output = Files.exists(running.log()) ? Files.readString(running.log(), StandardCharsets.UTF_8).strip() : "";
            LOG.warn("tesseract exit {} on page {}: {}", exit, running.page(), output);
            if (output.contains("Failed loading language")) {
                throw new OcrFailure("скан не прочитано: tesseract не має мовних даних «" + settings.languages()
                        + "» (пакет tesseract-ocr-ukr)");
            }
            throw new OcrFailure("скан не прочитано: tesseract завершився з помилкою (" + lastLine(output) + ")");
        }
        return TsvWords.parse(Files.readString(tsv, StandardCharsets.UTF_8), running.page());
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
