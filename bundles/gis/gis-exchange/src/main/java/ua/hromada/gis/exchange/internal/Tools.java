package ua.hromada.gis.exchange.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds GDAL's {@code ogr2ogr}: a configured path, else the first executable of that name on a
 * search path (the process's PATH in the portal; tests pass their own to see the refusal).
 */
public final class Tools {
    static final String OGR2OGR = "ogr2ogr";
    private final String ogr2ogrPath;
    private final String searchPath;

    /**
     * @param ogr2ogrPath an explicit path to ogr2ogr, or blank to search
     * @param searchPath  directories separated by {@link File#pathSeparator}
     */
    public Tools(String ogr2ogrPath, String searchPath) {
        this.ogr2ogrPath = ogr2ogrPath == null ? "" : ogr2ogrPath.strip();
        this.searchPath = searchPath == null ? "" : searchPath;
    }

    /** Searches the process's PATH unless a path is configured. */
    public static Tools fromEnvironment(String ogr2ogrPath) {
        return new Tools(ogr2ogrPath, System.getenv("PATH"));
    }

    public Optional<Path> ogr2ogr() {
        if (!ogr2ogrPath.isEmpty()) {
            Path p = Path.of(ogr2ogrPath);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path p = Path.of(dir, OGR2OGR);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
