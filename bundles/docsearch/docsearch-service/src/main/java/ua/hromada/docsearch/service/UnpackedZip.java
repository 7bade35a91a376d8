package ua.hromada.docsearch.service;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.docsearch.api.BulkImport.ImportLimits;
import ua.hromada.docsearch.api.ValidationException;

/**
 * An import archive unpacked as it streams in: each file goes to its own temporary file, so memory
 * holds one buffer, not the archive. The limits are checked while reading — a file's declared and
 * real size, the number of files, the total, and the compression ratio — and the first one passed
 * refuses the whole archive (the temporary folder is deleted, nothing is imported).
 */
final class UnpackedZip implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UnpackedZip.class);
    /** Below this a file may compress as well as it likes (a CSV of repeated values does). */
    static final long RATIO_FREE_BYTES = 1024 * 1024;
    private static final int BUFFER = 64 * 1024;

    private final Path folder;
    /** Entry name as written in the archive → its temporary file, in archive order. */
    private final Map<String, Path> files = new LinkedHashMap<>();

    private UnpackedZip(Path folder) {
        this.folder = folder;
    }

    static UnpackedZip unpack(InputStream in, ImportLimits limits) {
        Path folder;
        try {
            folder = Files.createTempDirectory("hromada-import-");
        } catch (IOException e) {
            throw new IllegalStateException("No temporary folder for the import", e);
        }
        UnpackedZip zip = new UnpackedZip(folder);
        try {
            zip.read(in, limits);
            return zip;
        } catch (RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private void read(InputStream in, ImportLimits limits) {
        Counting counted = new Counting(in);
        long total = 0;
        boolean any = false;
        try (ZipInputStream zin = new ZipInputStream(counted, StandardCharsets.UTF_8)) {
            ZipEntry e;
            byte[] buf = new byte[BUFFER];
            while ((e = zin.getNextEntry()) != null) {
                any = true;
                String name = e.getName();
                if (e.isDirectory() || BulkImportImpl.baseName(name).startsWith(".") || name.startsWith("__MACOSX")) {
                    continue;
                }
                if (files.size() >= limits.maxEntries()) {
                    throw new ValidationException("file", MessageKeys.IMPORT_TOO_MANY, limits.maxEntries());
                }
                if (e.getSize() > limits.maxEntryBytes()) {
                    throw entryTooLarge(name, limits);
                }
                long start = counted.count;
                long size = 0;
                Path target = folder.resolve(files.size() + ".bin");
                try (OutputStream out = Files.newOutputStream(target)) {
                    int n;
                    while ((n = zin.read(buf)) > 0) {
                        size += n;
                        total += n;
                        if (size > limits.maxEntryBytes()) {
                            throw entryTooLarge(name, limits);
                        }
                        if (total > limits.maxTotalBytes()) {
                            throw new ValidationException("file", MessageKeys.IMPORT_TOTAL_TOO_LARGE,
                                    ImportLimitsConfig.megabytes(limits.maxTotalBytes()));
                        }
                        // ZipInputStream reads ahead at most 512 bytes: the compressed size is close enough
                        long compressed = Math.max(1, counted.count - start);
                        if (size > RATIO_FREE_BYTES && size / compressed > limits.maxRatio()) {
                            LOG.info("Import archive refused: {} inflates {}:1 after {} bytes", name, size / compressed, size);
                            throw new ValidationException("file", MessageKeys.IMPORT_RATIO, name, limits.maxRatio());
                        }
                        out.write(buf, 0, n);
                    }
                }
                files.putIfAbsent(name, target);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ValidationException(Map.of("file", MessageKeys.IMPORT_NOT_ZIP));
        }
        if (!any) {
            throw new ValidationException(Map.of("file", MessageKeys.IMPORT_NOT_ZIP));
        }
    }

    private static ValidationException entryTooLarge(String name, ImportLimits limits) {
        return new ValidationException("file", MessageKeys.IMPORT_ENTRY_TOO_LARGE, name,
                ImportLimitsConfig.megabytes(limits.maxEntryBytes()));
    }

    Map<String, Path> files() {
        return files;
    }

    /** A file by its name in the archive, or by its base name, case-insensitively. */
    Optional<Path> find(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        String wantedBase = BulkImportImpl.baseName(name).toLowerCase(Locale.ROOT);
        Path byBase = null;
        for (Map.Entry<String, Path> e : files.entrySet()) {
            if (e.getKey().toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(e.getValue());
            }
            if (byBase == null && BulkImportImpl.baseName(e.getKey()).toLowerCase(Locale.ROOT).equals(wantedBase)) {
                byBase = e.getValue();
            }
        }
        return Optional.ofNullable(byBase);
    }

    @Override
    public void close() {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.debug("Could not delete {}", p, e);
                }
            });
        } catch (IOException e) {
            LOG.warn("Could not delete the import's temporary folder {}: {}", folder, e.toString());
        }
    }

    /** Counts the compressed bytes the ZIP reader consumed. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += Math.max(0, s);
            return s;
        }
    }
}
