package ua.hromada.portal.api.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

/**
 * This server's tesseract ({@code <command> <image> <out> -l <languages> [--dpi n] <format>}): one
 * page image, or a document's pages read {@value #PARALLEL} at a time (processes, not threads: the
 * caller's job waits for them). Nothing leaves the server. Every failure is an {@link OcrFailure}
 * whose message says what to do in Ukrainian (no program, no language data, a timeout, an exit code).
 */
public final class Tesseract {
    /** Pages read at once: a small server's two cores. */
    public static final int PARALLEL = 2;

    private final List<String> command;
    private final String languages;
    private final Duration timeout;

    /**
     * @param command   the program and its leading arguments (e.g. {@code tesseract})
     * @param languages tesseract's {@code -l} ({@code ukr+eng})
     * @param timeout   the longest one page may take
     */
    public Tesseract(List<String> command, String languages, Duration timeout) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("the OCR command is empty");
        }
        this.command = List.copyOf(command);
        this.languages = languages;
        this.timeout = timeout;
    }

    /** The command line without the files, for the record of what read a scan. */
    public String engine() {
        return String.join(" ", command) + " -l " + languages;
    }

    /** One page of a document, rendered on demand (page numbers from 0). */
    @FunctionalInterface
    public interface PageImages {
        BufferedImage render(int page) throws IOException;
    }

    /**
     * One image through tesseract.
     *
     * @param page   the page number, for messages
     * @param dpi    the image's resolution; 0 lets tesseract take or estimate it
     * @param format tesseract's output config: {@code txt} (plain text) or {@code tsv} (words with boxes)
     * @return the output file's text
     */
    public String read(Path image, int page, int dpi, String format) throws IOException, InterruptedException {
        Running running = start(image, page, dpi, format);
        try {
            return finish(running);
        } finally {
            running.process().destroyForcibly();
        }
    }

    /**
     * Renders {@code pages} pages into a temporary folder (PNG, removed after) first, then reads them
     * {@value #PARALLEL} at a time; {@code pageRead} hears each page read (for a job's progress).
     *
     * @return each page's output, in page order
     */
    public List<String> readPages(int pages, PageImages images, int dpi, String format, IntConsumer pageRead)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("hromada-ocr");
        try {
            return readPages(pages, images, dpi, format, dir, pageRead);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private List<String> readPages(int pages, PageImages images, int dpi, String format, Path dir, IntConsumer pageRead)
            throws IOException, InterruptedException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            Path file = dir.resolve("page-" + (i + 1) + ".png");
            ImageIO.write(images.render(i), "png", file.toFile());
            files.add(file);
        }
        List<String> outputs = new ArrayList<>();
        for (int from = 0; from < files.size(); from += PARALLEL) {
            List<Running> batch = new ArrayList<>();
            try {
                for (int i = from; i < Math.min(files.size(), from + PARALLEL); i++) {
                    batch.add(start(files.get(i), i + 1, dpi, format));
                }
                for (Running running : batch) {
                    outputs.add(finish(running));
                    pageRead.accept(outputs.size());
                }
            } finally {
                batch.forEach(r -> r.process().destroyForcibly());
            }
        }
        return outputs;
    }

    /** A tesseract process reading one page into {@code base}.{@code format}. */
    private record Running(Process process, Path base, Path log, int page, String format, long startedNanos) {
    }

    private Running start(Path image, int page, int dpi, String format) throws IOException {
        Path base = image.resolveSibling(image.getFileName() + "-out");
        List<String> line = new ArrayList<>(command);
        line.add(image.toString());
        line.add(base.toString());
        line.add("-l");
        line.add(languages);
        if (dpi > 0) {
            line.add("--dpi");
            line.add(Integer.toString(dpi));
        }
        line.add(format);
        Path log = image.resolveSibling(image.getFileName() + ".log");
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile());
        // tesseract's own OpenMP threads fight each other on a small server: one page was 3× slower
        // with them than without; pages are read side by side instead
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        try {
            return new Running(builder.start(), base, log, page, format, System.nanoTime());
        } catch (IOException e) {
            throw new OcrFailure("на сервері немає tesseract (команда «" + command.get(0)
                    + "» не запускається); встановіть пакети tesseract-ocr і tesseract-ocr-ukr або вкажіть ocr.command");
        }
    }

    private String finish(Running running) throws IOException, InterruptedException {
        long left = timeout.toNanos() - (System.nanoTime() - running.startedNanos());
        if (!running.process().waitFor(Math.max(0, left), TimeUnit.NANOSECONDS)) {
            throw new OcrFailure("tesseract не впорався за " + timeout.toSeconds() + " с (сторінка " + running.page() + ")");
        }
        Path out = running.base().resolveSibling(running.base().getFileName() + "." + running.format());
        int exit = running.process().exitValue();
        if (exit != 0 || !Files.exists(out)) {
            String output = Files.exists(running.log()) ? Files.readString(running.log(), StandardCharsets.UTF_8).strip() : "";
            if (output.contains("Failed loading language")) {
                throw new OcrFailure("tesseract не має мовних даних «" + languages + "» (пакет tesseract-ocr-ukr)");
            }
            throw new OcrFailure("tesseract завершився з помилкою (" + lastLine(output) + ")");
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String lastLine(String output) {
        String[] lines = output.split("\r?\n");
        return lines.length == 0 || lines[lines.length - 1].isBlank() ? "код виходу не 0" : lines[lines.length - 1];
    }

    /** Why a scan was not read, already in the administrator's words (without a lead-in such as «скан не прочитано»). */
    public static final class OcrFailure extends IOException {
        private static final long serialVersionUID = 1L;

        public OcrFailure(String message) {
            super(message);
        }
    }
}
