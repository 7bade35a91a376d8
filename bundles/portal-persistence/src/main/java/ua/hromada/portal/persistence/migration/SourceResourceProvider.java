package ua.hromada.portal.persistence.migration;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/** Feeds Flyway the scripts of a {@link MigrationSource}, replacing its class-path scanner. */
final class SourceResourceProvider implements ResourceProvider {
    private final List<MigrationSource.Script> scripts;

    SourceResourceProvider(MigrationSource source, String location) {
        this.scripts = List.copyOf(source.scripts(location));
    }

    int size() {
        return scripts.size();
    }

    @Override
    public LoadableResource getResource(String name) {
        for (MigrationSource.Script s : scripts) {
            if (s.path().equals(name) || s.fileName().equals(name)) {
                return new ScriptResource(s);
            }
        }
        return null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> found = new ArrayList<>();
        for (MigrationSource.Script s : scripts) {
            if (!s.fileName().startsWith(prefix)) {
                continue;
            }
            for (String suffix : suffixes) {
                if (s.fileName().endsWith(suffix)) {
                    found.add(new ScriptResource(s));
                    break;
                }
            }
        }
        return found;
    }

    private static final class ScriptResource extends LoadableResource {
        private final MigrationSource.Script script;

        ScriptResource(MigrationSource.Script script) {
            this.script = script;
        }

        @Override
        public Reader read() {
            try {
                return new InputStreamReader(script.content().open(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read migration " + script.path(), e);
            }
        }

        @Override
        public String getAbsolutePath() {
            return script.path();
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return script.path();
        }

        @Override
        public String getFilename() {
            return script.fileName();
        }

        @Override
        public String getRelativePath() {
            return script.path();
        }
    }
}
