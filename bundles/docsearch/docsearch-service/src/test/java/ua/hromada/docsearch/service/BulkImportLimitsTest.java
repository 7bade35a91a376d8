package ua.hromada.docsearch.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ua.hromada.docsearch.api.BulkImport;
import ua.hromada.docsearch.api.BulkImport.ImportLimits;
import ua.hromada.docsearch.api.LegalActRegistry;
import ua.hromada.docsearch.api.ValidationException;

/**
 * The import's archive limits (issue 10, finding 5): a ZIP bomb, an oversized file, too many files
 * and too many bytes in all are refused as a whole before any act is saved, and the entries of an
 * accepted archive are on disk, not in the heap. Refusals are checked against the real registry on
 * PostgreSQL, so "nothing saved" is the database's count.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkImportLimitsTest {
    private static final long MB = 1024 * 1024;
    private static final String CSV = "file,kind,number,date,title,issuing_body\n"
            + "big.txt,executive-decision,501,2025-02-01,Великий файл,Виконавчий комітет\n";
    private TestSetup setup;
    private LegalActRegistryImpl service;

    @BeforeAll
    void start() {
        setup = new TestSetup();
        service = setup.service(20 * MB);
    }

    @AfterAll
    void stop() {
        setup.close();
    }

    /** The archive refused by an import holding these limits. */
    private ValidationException refused(ImportLimits limits, byte[] zip) {
        BulkImport importer = new BulkImportImpl(service, setup.communities, limits);
        return assertThrows(ValidationException.class,
                () -> importer.importZip(new ByteArrayInputStream(zip), null, Fixtures.editor("import")));
    }

    /** metadata.csv and {@code count} files f0.txt, f1.txt... */
    private static Map<String, byte[]> withCsv(int count, java.util.function.IntFunction<byte[]> content) {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put("metadata.csv", CSV.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < count; i++) {
            entries.put("f" + i + ".txt", content.apply(i));
        }
        return entries;
    }

    /** 50 MB of one repeated byte compress to ~50 KB: refused after about 1 MB, the rest never read. */
    @Test
    void zipBombIsRefusedByItsCompressionRatio() {
        byte[] bomb = zip(Map.of("metadata.csv", CSV.getBytes(StandardCharsets.UTF_8), "big.txt", new byte[50 * (int) MB]),
                Deflater.BEST_COMPRESSION);
        assertTrue(bomb.length < 200 * 1024, "the bomb is small: " + bomb.length);
        // the entry limit is set above 50 MB so that only the ratio can refuse it
        ValidationException e = refused(new ImportLimits(200 * MB, 64 * MB, 100, 1024 * MB, 100), bomb);
        assertEquals(Map.of("file", MessageKeys.IMPORT_RATIO), e.fieldErrors());
        assertArrayEquals(new Object[] {"big.txt", 100}, e.args());
        assertEquals(0, service.count());
    }

    @Test
    void fileOverTheEntryLimitIsRefused() {
        byte[] zip = zip(Map.of("metadata.csv", CSV.getBytes(StandardCharsets.UTF_8), "big.txt", random(2 * MB)),
                Deflater.NO_COMPRESSION);
        ValidationException e = refused(new ImportLimits(200 * MB, MB, 100, 1024 * MB, 100), zip);
        assertEquals(Map.of("file", MessageKeys.IMPORT_ENTRY_TOO_LARGE), e.fieldErrors());
        assertArrayEquals(new Object[] {"big.txt", "1"}, e.args());
        assertEquals(0, service.count());
    }

    @Test
    void tooManyFilesAreRefused() {
        Map<String, byte[]> entries = withCsv(5, i -> ("текст " + i).getBytes(StandardCharsets.UTF_8));
        ValidationException e = refused(new ImportLimits(200 * MB, MB, 3, 1024 * MB, 100),
                zip(entries, Deflater.DEFAULT_COMPRESSION));
        assertEquals(Map.of("file", MessageKeys.IMPORT_TOO_MANY), e.fieldErrors());
        assertEquals(0, service.count());
    }

    @Test
    void tooManyBytesInAllAreRefused() {
        Map<String, byte[]> entries = withCsv(4, i -> random(MB));
        ValidationException e = refused(new ImportLimits(200 * MB, 2 * MB, 100, 3 * MB, 100),
                zip(entries, Deflater.NO_COMPRESSION));
        assertEquals(Map.of("file", MessageKeys.IMPORT_TOTAL_TOO_LARGE), e.fieldErrors());
        assertEquals(0, service.count());
    }

    /** A text file may compress far better than the ratio while it is small (a CSV does). */
    @Test
    void smallWellCompressedFilesAreImported() {
        String csv = "file,kind,number,date,title,issuing_body\n"
                + "a.txt,executive-decision,502,2025-02-01,Рішення про сквер,Виконавчий комітет\n";
        byte[] text = "сквер ".repeat(50_000).getBytes(StandardCharsets.UTF_8); // ~550 KB, ratio ~1000
        BulkImport.ImportReport report = new BulkImportImpl(service, setup.communities).importZip(new ByteArrayInputStream(
                zip(Map.of("metadata.csv", csv.getBytes(StandardCharsets.UTF_8), "a.txt", text), Deflater.BEST_COMPRESSION)),
                null, Fixtures.editor("import"));
        try {
            assertEquals(1, report.created(), report.results().toString());
        } finally {
            report.results().stream().filter(BulkImport.RowResult::ok).forEach(r -> service.delete(r.actId(), Fixtures.editor("import")));
        }
    }

    /**
     * 64 MB of files streamed from disk: when the rows are about to be imported, the heap after a
     * full GC holds none of them (the old import kept every entry as a byte[] until the end).
     */
    @Test
    void entriesAreOnDiskNotInTheHeap() throws IOException {
        Path zipFile = Files.createTempFile("import-memory", ".zip");
        try {
            try (OutputStream out = Files.newOutputStream(zipFile); ZipOutputStream z = new ZipOutputStream(out)) {
                z.setLevel(Deflater.NO_COMPRESSION);
                z.putNextEntry(new ZipEntry("metadata.csv"));
                z.write(CSV.getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < 8; i++) {
                    z.putNextEntry(new ZipEntry("f" + i + ".bin"));
                    z.write(random(8 * MB));
                }
            }
            long before = heapAfterGc();
            long[] during = new long[1];
            LegalActRegistry measuring = registryMeasuringAtBatch(() -> during[0] = heapAfterGc());
            try (InputStream in = Files.newInputStream(zipFile)) {
                new BulkImportImpl(measuring, setup.communities).importZip(in, null, Fixtures.editor("import"));
            }
            long grown = during[0] - before;
            assertTrue(during[0] > 0, "the import reached its rows");
            assertTrue(grown < 24 * MB, "heap grew by " + grown / MB + " MB while 64 MB of entries were unpacked");
        } finally {
            Files.deleteIfExists(zipFile);
        }
    }

    /** A registry that only measures, when the import starts its rows, and imports nothing. */
    private static LegalActRegistry registryMeasuringAtBatch(Runnable measure) {
        return (LegalActRegistry) Proxy.newProxyInstance(LegalActRegistry.class.getClassLoader(),
                new Class<?>[] {LegalActRegistry.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "kinds" -> List.of();
                    case "inBatch" -> {
                        measure.run();
                        yield null;
                    }
                    default -> throw new AssertionError("not expected: " + method.getName());
                });
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static byte[] random(long size) {
        byte[] b = new byte[(int) size];
        new Random(size).nextBytes(b);
        return b;
    }

    private static byte[] zip(Map<String, byte[]> entries, int level) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.setLevel(level);
            // metadata.csv first, as a person's archive usually has it
            for (String name : entries.keySet().stream().sorted((a, b) -> a.equals("metadata.csv") ? -1
                    : b.equals("metadata.csv") ? 1 : a.compareTo(b)).toList()) {
                z.putNextEntry(new ZipEntry(name));
                z.write(entries.get(name));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

}
