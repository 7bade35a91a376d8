package ua.hromada.docsearch.service;

import ua.hromada.docsearch.api.BulkImport.ImportLimits;

/** The import's limits from {@link DocsearchConfig}, and their defaults for tests. */
final class ImportLimitsConfig {
    private static final long MB = 1024L * 1024L;

    private ImportLimitsConfig() {
    }

    static ImportLimits of(DocsearchConfig c) {
        return new ImportLimits(Math.max(1, c.import_max_zip_mb()) * MB, Math.max(1, c.max_file_size_mb()) * MB,
                Math.max(1, c.import_max_entries()), Math.max(1, c.import_max_total_mb()) * MB,
                Math.max(2, c.import_max_ratio()));
    }

    static ImportLimits defaults() {
        return new ImportLimits(200 * MB, 20 * MB, 5000, 2048 * MB, 100);
    }

    /** Megabytes as the person reads them in a message. */
    static String megabytes(long bytes) {
        return bytes % MB == 0 ? String.valueOf(bytes / MB) : String.format(java.util.Locale.ROOT, "%.1f", bytes / (double) MB);
    }
}
