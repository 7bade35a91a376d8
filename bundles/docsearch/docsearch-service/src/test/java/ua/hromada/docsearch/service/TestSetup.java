package ua.hromada.docsearch.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import ua.hromada.portal.testing.RecordingAuditLog;
import ua.hromada.portal.testing.TestCommunities;
import ua.hromada.portal.testing.TestDatabase;

/**
 * A throw-away database with the docsearch schema secured as the portal secures it, an index
 * folder, and an audit log in memory. The services run over the community DataSource (the
 * application role under row-level security), bound to the community of the running work.
 */
final class TestSetup implements AutoCloseable {
    // the docsearch schema (migrated as the SchemaMigrations service does in Karaf, then isolated)
    // is made once per test JVM and copied per test
    final TestDatabase db = TestDatabase.prepared("docsearch", d -> d.migrate("docsearch"));
    final RecordingAuditLog audit = new RecordingAuditLog();
    /** The default community and the two of the isolation test. */
    final TestCommunities communities = new TestCommunities().add("a", "a.portal.example").add("b", "b.portal.example");
    /** Connections as the application role, for the community bound to the calling thread. */
    final DataSource data;
    final List<Path> dirs = new ArrayList<>();
    final List<LegalActRegistryImpl> services = new ArrayList<>();

    TestSetup() {
        // as the portal's: each connection for the community bound now (db.communityDataSource of that id)
        data = db.communityDataSource(communities);
    }

    LegalActRegistryImpl service(long maxFileBytes) {
        return service(newDir(), maxFileBytes);
    }

    LegalActRegistryImpl service(Path indexDir, long maxFileBytes) {
        LegalActRegistryImpl s = new LegalActRegistryImpl(data, communities, audit, Clock.systemDefaultZone(),
                indexDir, maxFileBytes);
        services.add(s);
        return s;
    }

    /** A service that reads scanned PDFs with {@code ocr} (tesseract on the pools given there). */
    LegalActRegistryImpl service(ScanRecognition.Setup ocr) {
        LegalActRegistryImpl s = new LegalActRegistryImpl(data, communities, audit, Clock.systemDefaultZone(),
                newDir(), 20L << 20, ocr);
        services.add(s);
        return s;
    }

    Path newDir() {
        try {
            Path dir = Files.createTempDirectory("docsearch-test");
            dirs.add(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        services.forEach(LegalActRegistryImpl::deactivate);
        db.close();
        for (Path dir : dirs) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // temp files
            }
        }
    }
}
