package ua.hromada.docsearch.service.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Lucene index per community (regional hosting, issue 18): {@code <root>/<community id>},
 * each opened at its community's first use, so a community added while the portal runs gets its
 * index without a restart and a search never sees another community's acts.
 */
public final class CommunityIndexes implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(CommunityIndexes.class);
    /** Community ids are lower-case latin keys; anything else never becomes a path. */
    private static final Pattern FOLDER = Pattern.compile("[a-z0-9][a-z0-9_-]{0,99}");

    private final Path root;
    private final Map<String, ActIndex> open = new ConcurrentHashMap<>();
    private boolean closed;

    public CommunityIndexes(Path root) {
        this.root = root;
        removeUnscoped();
    }

    /**
     * The community's index; opened now when this is its first use, and then given to
     * {@code opened} (e.g. to rebuild it when it is out of step with the database) before any
     * caller gets it from here.
     */
    public ActIndex of(String community, Consumer<ActIndex> opened) {
        ActIndex index = open.get(community);
        if (index != null) {
            return index;
        }
        if (!FOLDER.matcher(community).matches()) {
            throw new IllegalArgumentException("not a community id: " + community);
        }
        synchronized (open) {
            index = open.get(community);
            if (index != null) {
                return index;
            }
            if (closed) {
                throw new IllegalStateException("the document indexes are closed");
            }
            index = new ActIndex(root.resolve(community));
            // the same thread may use the index while the callback runs (a rebuild reads it back)
            open.put(community, index);
            try {
                opened.accept(index);
            } catch (RuntimeException e) {
                // the database is the truth; the index catches up with docsearch:reindex
                LOG.error("Checking the document index of community {} failed; run docsearch:reindex", community, e);
            }
        }
        return index;
    }

    public Path root() {
        return root;
    }

    /**
     * The index of one community lived directly in the root before regional hosting: it is
     * rebuilt under {@code <root>/default} from the database, so the old one only takes space.
     */
    private void removeUnscoped() {
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Path> old = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(ActIndex::isGeneration).forEach(old::add);
        } catch (IOException e) {
            LOG.warn("Could not look for an index from before regional hosting in {}: {}", root, e.toString());
        }
        for (Path p : old) {
            LOG.info("Removing {}: the index from before regional hosting (rebuilt per community)", p);
            ActIndex.deleteTree(p);
        }
    }

    @Override
    public void close() {
        synchronized (open) {
            closed = true;
            open.values().forEach(ActIndex::close);
            open.clear();
        }
    }
}
