package ua.hromada.portal.persistence.migration;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Where migration scripts come from. Production reads a bundle's entries (no class-path scanning
 * in OSGi); tests read a folder. Keeps Flyway independent of how scripts are packaged.
 */
@FunctionalInterface
public interface MigrationSource {

    /** The {@code *.sql} files directly under {@code location} (not recursive). */
    List<Script> scripts(String location);

    /** One script: its file name, a path for Flyway's history table and its content. */
    record Script(String fileName, String path, Content content) {
    }

    @FunctionalInterface
    interface Content {
        InputStream open() throws IOException;
    }
}
