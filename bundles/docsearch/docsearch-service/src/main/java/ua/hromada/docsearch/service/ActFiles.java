package ua.hromada.docsearch.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ua.hromada.docsearch.api.ExtractionStatus;
import ua.hromada.docsearch.api.FileUpload;
import ua.hromada.docsearch.api.ValidationException;
import ua.hromada.docsearch.service.extract.FileFormat;
import ua.hromada.docsearch.service.extract.TextExtractor;
import ua.hromada.docsearch.service.store.StoredFile;

/**
 * An act's files before they are written: every file is checked (name, type, size, content)
 * before any is stored, then its text is extracted. A refusal names the file and, for the size,
 * the limit (the person sees which file and what is allowed).
 */
final class ActFiles {
    private final TextExtractor extractor = new TextExtractor();
    private final long maxFileBytes;
    /** A PDF without a text layer waits for OCR ({@link ScanRecognition}) instead of staying EMPTY. */
    private final boolean ocr;

    ActFiles(long maxFileBytes, boolean ocr) {
        this.maxFileBytes = maxFileBytes;
        this.ocr = ocr;
    }

    long maxFileBytes() {
        return maxFileBytes;
    }

    /** A refused file: the message key and its parameters. */
    record Refusal(String key, Object[] args) {
    }

    /**
     * Checks every file, adds the first refusal as field {@code file} to {@code errors} (with the
     * draft's own refusals already there) and throws when there is any; then extracts the texts.
     */
    List<StoredFile> prepare(List<FileUpload> files, Map<String, String> errors) {
        Map<String, Object[]> args = new LinkedHashMap<>();
        List<FileFormat> formats = new ArrayList<>();
        if (files != null) {
            for (FileUpload f : files) {
                Refusal refusal = check(f);
                if (refusal != null && !errors.containsKey("file")) {
                    errors.put("file", refusal.key());
                    args.put("file", refusal.args());
                }
                formats.add(refusal == null ? FileFormat.ofFileName(f.fileName()).orElseThrow() : null);
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors, args);
        }
        List<StoredFile> prepared = new ArrayList<>();
        for (int i = 0; files != null && i < files.size(); i++) {
            FileUpload f = files.get(i);
            FileFormat format = formats.get(i);
            TextExtractor.Extraction ex = extractor.extract(format, f.fileName(), f.content());
            ExtractionStatus status = ocr && format == FileFormat.PDF && ex.status() == ExtractionStatus.EMPTY
                    ? ExtractionStatus.OCR_QUEUED : ex.status();
            prepared.add(new StoredFile(cleanFileName(f.fileName()), format.mediaType(), f.content(),
                    sha256(f.content()), ex.text(), status, ex.error()));
        }
        return prepared;
    }

    /** Why a file is refused, or null when it is accepted. */
    Refusal check(FileUpload f) {
        if (f == null || f.fileName() == null || cleanFileName(f.fileName()).isBlank()
                || cleanFileName(f.fileName()).length() > 255) {
            return new Refusal(MessageKeys.FILE_NAME, new Object[0]);
        }
        String name = cleanFileName(f.fileName());
        Optional<FileFormat> format = FileFormat.ofFileName(name);
        if (format.isEmpty()) {
            return new Refusal(MessageKeys.FILE_TYPE, new Object[] {name});
        }
        if (f.content() == null || f.content().length == 0) {
            return new Refusal(MessageKeys.FILE_EMPTY, new Object[] {name});
        }
        if (f.content().length > maxFileBytes) {
            return new Refusal(MessageKeys.FILE_TOO_LARGE, new Object[] {name, ImportLimitsConfig.megabytes(maxFileBytes)});
        }
        if (!format.get().matches(f.content())) {
            return new Refusal(MessageKeys.FILE_MISMATCH, new Object[] {name});
        }
        return null;
    }

    /** The last path segment only (uploads from Windows carry "C:\..."). */
    static String cleanFileName(String name) {
        String n = name.strip();
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        return slash >= 0 ? n.substring(slash + 1) : n;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
