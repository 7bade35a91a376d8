package ua.hromada.opendata.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.DatasetRegistry;
import ua.hromada.opendata.api.Resource;

/** Uploaded files (in the database and in a folder) with their checksum, and external links. */
class ResourcesTest {
    private static final byte[] CSV = "id;назва\n1;Зупинка «Центр»\n2;Зупинка «Вокзал»\n".getBytes(StandardCharsets.UTF_8);

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static byte[] read(DatasetRegistry registry, long id) throws IOException {
        try (InputStream in = registry.content(id).orElseThrow()) {
            return in.readAllBytes();
        }
    }

    @Test
    void uploadsInTheDatabase() throws Exception {
        try (OpendataTestSetup setup = new OpendataTestSetup()) {
            DatasetRegistry registry = setup.registry();
            DataManager m = setup.manager("Управління транспорту", OpendataTestSetup.edrpou(4_000_001));
            Dataset d = setup.dataset(m, "bus-stops", "Зупинки громадського транспорту", true);

            Resource r = registry.upload(setup.steward, d.id(), null, null, "C:\\Users\\olena\\stops.csv", CSV);
            assertEquals("stops.csv", r.fileName(), "only the file's own name is kept");
            assertEquals("stops.csv", r.name());
            assertEquals("CSV", r.format(), "format guessed from the name");
            assertEquals("text/csv", r.mediaType());
            assertEquals(CSV.length, r.size());
            assertEquals(sha256(CSV), r.sha256());
            assertTrue(r.uploaded());
            assertNull(r.url());
            assertArrayEquals(CSV, read(registry, r.id()));
            assertEquals(1, registry.resources(d.id()).size());
            assertEquals(r, registry.resource(r.id()).orElseThrow());
            assertTrue(registry.dataset(d.id()).orElseThrow().updatedAt().compareTo(d.updatedAt()) >= 0);

            Resource json = registry.upload(setup.steward, d.id(), "Зупинки (JSON)", "json", "stops.data", "[]".getBytes());
            assertEquals("JSON", json.format());
            assertEquals("application/json", json.mediaType());

            OpendataException big = assertThrows(OpendataException.class,
                    () -> registry.upload(setup.steward, d.id(), null, null, "big.csv", new byte[2 * 1024 * 1024 + 1]));
            assertEquals("opendata.error.uploadTooLarge", big.messageKey());
            assertEquals("opendata.error.emptyFile", assertThrows(OpendataException.class,
                    () -> registry.upload(setup.steward, d.id(), null, null, "empty.csv", new byte[0])).messageKey());
            assertEquals("opendata.error.required", assertThrows(OpendataException.class,
                    () -> registry.upload(setup.steward, d.id(), null, null, " ", CSV)).messageKey());
            assertEquals("opendata.error.format", assertThrows(OpendataException.class,
                    () -> registry.upload(setup.steward, d.id(), null, "c s v", "a.csv", CSV)).messageKey());
            assertEquals(OpendataException.Reason.NOT_FOUND, assertThrows(OpendataException.class,
                    () -> registry.upload(setup.steward, 999_999, null, null, "a.csv", CSV)).reason());
            assertEquals(OpendataException.Reason.FORBIDDEN, assertThrows(OpendataException.class,
                    () -> registry.upload(setup.viewer, d.id(), null, null, "a.csv", CSV)).reason());

            registry.removeResource(setup.steward, r.id());
            assertTrue(registry.resource(r.id()).isEmpty());
            assertTrue(registry.content(r.id()).isEmpty());
            assertEquals(1, registry.resources(d.id()).size());
            assertTrue(setup.audit().stream().anyMatch(e -> e.entityType().equals("resource") && e.action().equals("delete")));
            assertEquals(OpendataException.Reason.NOT_FOUND, assertThrows(OpendataException.class,
                    () -> registry.removeResource(setup.steward, r.id())).reason());
        }
    }

    @Test
    void uploadsInAFolderAreKeptOnceAndReleased(@TempDir Path folder) throws Exception {
        try (OpendataTestSetup setup = new OpendataTestSetup(folder)) {
            DatasetRegistry registry = setup.registry();
            DataManager m = setup.manager("Управління освіти", OpendataTestSetup.edrpou(4_000_002));
            Dataset a = setup.dataset(m, "schools", "Заклади загальної середньої освіти", true);
            Dataset b = setup.dataset(m, "schools-copy", "Заклади освіти (копія)", false);
            Resource r1 = registry.upload(setup.steward, a.id(), null, null, "schools.csv", CSV);
            Resource r2 = registry.upload(setup.steward, b.id(), null, null, "schools.csv", CSV);
            Path file = folder.resolve(r1.sha256().substring(0, 2)).resolve(r1.sha256());
            assertTrue(Files.exists(file));
            assertArrayEquals(CSV, Files.readAllBytes(file));
            assertArrayEquals(CSV, read(registry, r2.id()));
            try (Stream<Path> files = Files.walk(folder)) {
                assertEquals(1, files.filter(Files::isRegularFile).count(), "same bytes stored once");
            }
            setup.execute("SELECT 1"); // the bytes are not in the database
            registry.removeResource(setup.steward, r1.id());
            assertTrue(Files.exists(file), "still used by the other resource");
            registry.removeResource(setup.steward, r2.id());
            assertFalse(Files.exists(file), "released with the last resource");
        }
    }

    @Test
    void externalLinks() {
        try (OpendataTestSetup setup = new OpendataTestSetup()) {
            DatasetRegistry registry = setup.registry();
            DataManager m = setup.manager("Департамент фінансів", OpendataTestSetup.edrpou(4_000_003));
            Dataset d = setup.dataset(m, "budget-2026", "Бюджет громади на 2026 рік", true);
            Resource link = registry.addLink(setup.steward, d.id(), "Бюджет (XLSX)", null,
                    "https://rada-poltava.gov.ua/files/budget-2026.xlsx?v=2");
            assertEquals("XLSX", link.format(), "format guessed from the URL path");
            assertEquals("https://rada-poltava.gov.ua/files/budget-2026.xlsx?v=2", link.url());
            assertFalse(link.uploaded());
            assertNull(link.size());
            assertNull(link.sha256());
            assertTrue(registry.content(link.id()).isEmpty(), "a link has no stored bytes");
            Resource api = registry.addLink(setup.steward, d.id(), null, "json", "http://api.example.org/budget");
            assertEquals("JSON", api.format());
            assertEquals("http://api.example.org/budget", api.name());
            for (String bad : new String[] {"ftp://example.org/a.csv", "javascript:alert(1)", "https://", "budget.xlsx"}) {
                OpendataException e = assertThrows(OpendataException.class,
                        () -> registry.addLink(setup.steward, d.id(), "x", null, bad), bad);
                assertEquals("opendata.error.url", e.messageKey(), bad);
            }
            assertEquals("opendata.error.required", assertThrows(OpendataException.class,
                    () -> registry.addLink(setup.steward, d.id(), "x", null, null)).messageKey());
            assertEquals(2, registry.resources(d.id()).size());
        }
    }
}
