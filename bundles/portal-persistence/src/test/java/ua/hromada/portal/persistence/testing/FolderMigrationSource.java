package ua.hromada.portal.persistence.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ua.hromada.portal.persistence.migration.MigrationSource;

/** Scripts from a class-path folder on disk (target/classes, target/test-classes). */
public final class FolderMigrationSource implements MigrationSource {
    @Override
    public List<Script> scripts(String location) {
        URL url = getClass().getClassLoader().getResource(location);
        if (url == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".sql"))
                    .map(p -> new Script(p.getFileName().toString(), location + "/" + p.getFileName(),
                            () -> Files.newInputStream(p)))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
