package ua.hromada.docsearch.service.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folders of an index's generations, {@code <root>/gen-<n>} (n: the millisecond it was
 * begun, so names sort by age): naming a new one, finding the newest complete one and deleting
 * the others. Split from {@link ActIndex}, which opens, rebuilds and swaps the generations.
 */
final class GenerationFolders {
    /** Logged as the index, as before the split, so log settings for it still apply. */
    private static final Logger LOG = LoggerFactory.getLogger(ActIndex.class);
    private static final String GEN_PREFIX = "gen-";

    private GenerationFolders() {
    }

    /** The folder of generation {@code number} under {@code root}. */
    static Path named(Path root, long number) {
        return root.resolve(GEN_PREFIX + String.format("%013d", number));
    }

    /** The newest generation under {@code root} that holds a committed index. */
    static Optional<Path> newestComplete(Path root) throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path p : dirs.filter(GenerationFolders::isGeneration)
                    .sorted(Comparator.comparingLong(GenerationFolders::number).reversed()).toList()) {
                try (Directory d = FSDirectory.open(p)) {
                    if (DirectoryReader.indexExists(d)) {
                        return Optional.of(p);
                    }
                }
            }
        }
        return Optional.empty();
    }

    static void deleteOthers(Path root, Path keep) {
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(GenerationFolders::isGeneration).filter(p -> !p.equals(keep))
                    .forEach(GenerationFolders::deleteTree);
        } catch (IOException e) {
            LOG.warn("Could not clean old index generations in {}: {}", root, e.toString());
        }
    }

    static boolean isGeneration(Path p) {
        return Files.isDirectory(p) && p.getFileName().toString().matches(GEN_PREFIX + "\\d+");
    }

    static long number(Path p) {
        return Long.parseLong(p.getFileName().toString().substring(GEN_PREFIX.length()));
    }

    static void deleteTree(Path p) {
        try (Stream<Path> files = Files.walk(p)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    LOG.warn("Could not delete {}: {}", f, e.toString());
                }
            });
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", p, e.toString());
        }
    }
}
