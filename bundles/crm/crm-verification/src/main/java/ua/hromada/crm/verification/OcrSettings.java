package ua.hromada.crm.verification;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The OCR settings in force, checked once ({@link EnginesConfig}). */
record OcrSettings(List<String> command, String languages, Duration timeout, int pdfDpi, int maxPages) {

    OcrSettings {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("ocr.command is empty");
        }
        command = List.copyOf(command);
    }

    static OcrSettings of(EnginesConfig config) {
        return new OcrSettings(Arrays.stream(config.ocr_command().strip().split("\\s+")).filter(s -> !s.isEmpty()).toList(),
                config.ocr_languages().strip(), Duration.ofSeconds(Math.max(1, config.ocr_timeout_seconds())),
                Math.max(72, Math.min(600, config.ocr_pdf_dpi())), Math.max(1, config.ocr_max_pages()));
    }

    /** The defaults of {@link EnginesConfig}, with another program. */
    static OcrSettings defaults(String... command) {
        return new OcrSettings(List.of(command), "ukr+eng", Duration.ofSeconds(60), 300, 10);
    }
}
