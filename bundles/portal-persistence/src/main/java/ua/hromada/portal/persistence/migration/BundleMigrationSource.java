package ua.hromada.portal.persistence.migration;

import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.osgi.framework.Bundle;

/** Scripts from a bundle's own entries via {@link Bundle#findEntries}. */
public final class BundleMigrationSource implements MigrationSource {
    private final Bundle bundle;

    public BundleMigrationSource(Bundle bundle) {
        this.bundle = bundle;
    }

    @Override
    public List<Script> scripts(String location) {
        Enumeration<URL> entries = bundle.findEntries(location, "*.sql", false);
        if (entries == null) {
            return List.of();
        }
        List<Script> scripts = new ArrayList<>();
        for (URL url : Collections.list(entries)) {
            String path = url.getPath();
            while (path.startsWith("/")) {
                path = path.substring(1);
            }
            String fileName = path.substring(path.lastIndexOf('/') + 1);
            scripts.add(new Script(fileName, path, url::openStream));
        }
        return scripts;
    }
}
