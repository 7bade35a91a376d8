package ua.hromada.gis.exchange.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import ua.hromada.gis.exchange.ExchangeMessage;
import ua.hromada.gis.exchange.ImportOptions;
import ua.hromada.gis.exchange.ImportedDataset;

/**
 * Zipped Shapefiles and DXF drawings, read by GDAL's {@code ogr2ogr} into GeoJSON on its standard
 * output (coordinates stay in the source system) and then by {@link GeoJsonReader}. The files go to
 * a temporary directory that is removed afterwards; the ZIP's unpacked bytes and ogr2ogr's output
 * are counted against the limit while they are read.
 */
final class OgrReader {
    private static final List<String> SHAPEFILE_PARTS = List.of("shp", "shx", "dbf", "prj", "cpg");
    private final Limits limits;
    private final Tools tools;

    OgrReader(Limits limits, Tools tools) {
        this.limits = limits;
        this.tools = tools;
    }

    boolean available() {
        return tools.ogr2ogr().isPresent();
    }

    private Path ogr2ogr(String format) {
        return tools.ogr2ogr().orElseThrow(() -> new ImportFailure("gis.exchange.ogr.missing", format));
    }

    ImportedDataset readShapefile(byte[] zip, ImportOptions options) {
        Path program = ogr2ogr("Shapefile");
        Path dir = temporaryDirectory();
        try {
            Map<String, Path> files = unzip(zip, dir);
            Path shp = chooseShp(files, options);
            String base = shp.getFileName().toString();
            base = base.substring(0, base.length() - 4);
            Path dbf = files.get((base + ".dbf").toLowerCase(Locale.ROOT));
            Path prj = files.get((base + ".prj").toLowerCase(Locale.ROOT));
            Path cpg = files.get((base + ".cpg").toLowerCase(Locale.ROOT));
            List<String> command = new ArrayList<>(List.of(program.toString(), "-f", "GeoJSON", "-lco", "RFC7946=NO",
                    "-lco", "WRITE_BBOX=NO"));
            if (dbf != null) {
                Charset charset = options.charset() != null ? CsvReader.charset(options.charset()) : DbfEncoding.of(dbf, cpg);
                command.addAll(List.of("-oo", "ENCODING=" + DbfEncoding.gdalName(charset)));
            }
            command.addAll(List.of("/vsistdout/", shp.toString()));
            Integer chosen = options.srid();
            ExchangeMessage whenUnknown;
            if (prj == null) {
                whenUnknown = ExchangeMessage.of("gis.exchange.shapefile.noPrj");
            } else {
                byte[] prjBytes = Files.readAllBytes(prj);
                String wkt = TextEncoding.decode(prjBytes, TextEncoding.detect(prjBytes));
                OptionalInt code = PrjSrid.srid(wkt);
                if (chosen == null && code.isPresent()) {
                    chosen = code.getAsInt();
                }
                whenUnknown = ExchangeMessage.of("gis.exchange.file.unknownCrs", prjName(wkt));
            }
            return run(command, chosen, whenUnknown, dir);
        } catch (IOException e) {
            throw new ImportFailure("gis.exchange.file.unreadable");
        } finally {
            delete(dir);
        }
    }

    ImportedDataset readDxf(byte[] bytes, ImportOptions options) {
        Path program = ogr2ogr("DXF");
        Path dir = temporaryDirectory();
        try {
            Path dxf = dir.resolve("drawing.dxf");
            Files.write(dxf, bytes);
            // a drawing without $DWGCODEPAGE would be read as Windows-1252: its texts' encoding is told to GDAL
            Charset charset = options.charset() != null ? CsvReader.charset(options.charset()) : TextEncoding.detect(bytes);
            List<String> command = List.of(program.toString(), "--config", "DXF_ENCODING", DbfEncoding.gdalName(charset),
                    "-f", "GeoJSON", "-lco", "RFC7946=NO", "-lco", "WRITE_BBOX=NO", "/vsistdout/", dxf.toString());
            return run(command, options.srid(), ExchangeMessage.of("gis.exchange.dxf.chooseCrs"), dir);
        } catch (IOException e) {
            throw new ImportFailure("gis.exchange.file.unreadable");
        } finally {
            delete(dir);
        }
    }

    /** Runs ogr2ogr and reads its GeoJSON output as it comes; a failed run is one file error. */
    private ImportedDataset run(List<String> command, Integer chosen, ExchangeMessage whenUnknown, Path dir) throws IOException {
        Path stderr = dir.resolve("ogr2ogr.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        builder.environment().put("CPL_DEBUG", "OFF");
        Process process = builder.start();
        AtomicBoolean timedOut = new AtomicBoolean();
        CompletableFuture<Void> watchdog = CompletableFuture.runAsync(() -> {
            if (process.isAlive()) {
                timedOut.set(true);
                process.destroyForcibly();
            }
        }, CompletableFuture.delayedExecutor(limits.toolTimeout().toMillis(), TimeUnit.MILLISECONDS));
        ImportedDataset dataset = null;
        ImportFailure failure = null;
        try (InputStream out = new LimitedInput(process.getInputStream(), limits.maxUnpackedBytes(), "gis.exchange.file.tooLargeUnpacked")) {
            process.getOutputStream().close();
            dataset = new GeoJsonReader(limits).read(out, chosen, whenUnknown);
        } catch (ImportFailure e) {
            failure = e;
            process.destroyForcibly();
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        } finally {
            watchdog.cancel(false);
        }
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ImportFailure("gis.exchange.ogr.failed", "interrupted");
        }
        if (timedOut.get()) {
            throw new ImportFailure("gis.exchange.ogr.timeout", limits.toolTimeout().toSeconds());
        }
        if (failure != null && failure.error().key().startsWith("gis.exchange.file.tooLarge")) {
            throw failure;
        }
        if (exit != 0) {
            throw new ImportFailure("gis.exchange.ogr.failed", firstError(stderr));
        }
        if (failure != null) {
            throw failure;
        }
        return dataset;
    }

    private static String firstError(Path log) throws IOException {
        if (!Files.isRegularFile(log)) {
            return "";
        }
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            String first = lines.filter(l -> l.startsWith("ERROR") || l.startsWith("FAILURE")).findFirst().orElse("");
            return first.length() > 300 ? first.substring(0, 300) + "…" : first;
        } catch (java.io.UncheckedIOException e) {
            return "";
        }
    }

    /** Unpacks the Shapefile parts by their file names only (no paths from the ZIP reach the disk). */
    private Map<String, Path> unzip(byte[] zip, Path dir) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        boolean anyEntry = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             LimitedInput counted = new LimitedInput(in, limits.maxUnpackedBytes(), "gis.exchange.file.tooLargeUnpacked")) {
            ZipEntry entry;
            while ((entry = nextEntry(in)) != null) {
                anyEntry = true;
                String name = entry.getName().replace('\\', '/');
                name = name.substring(name.lastIndexOf('/') + 1);
                int dot = name.lastIndexOf('.');
                String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
                if (entry.isDirectory() || name.startsWith(".") || entry.getName().contains("__MACOSX")
                        || !SHAPEFILE_PARTS.contains(ext)) {
                    continue;
                }
                String key = name.toLowerCase(Locale.ROOT);
                String baseKey = key.substring(0, key.length() - ext.length() - 1);
                // GDAL finds the parts by a common base name: the ZIP's base name, made safe for a file name
                Path target = dir.resolve(safe(baseKey) + "." + ext);
                try (OutputStream out = Files.newOutputStream(target)) {
                    counted.transferTo(out);
                }
                files.put(key, target);
            }
        }
        if (!anyEntry) {
            throw new ImportFailure("gis.exchange.file.notZip");
        }
        return files;
    }

    private static ZipEntry nextEntry(ZipInputStream in) {
        try {
            return in.getNextEntry();
        } catch (IOException | IllegalArgumentException e) {
            throw new ImportFailure("gis.exchange.file.notZip");
        }
    }

    private static String safe(String base) {
        String s = base.replaceAll("[^\\p{L}\\p{N}_-]", "_");
        return s.isEmpty() ? "layer" : s;
    }

    private static Path chooseShp(Map<String, Path> files, ImportOptions options) {
        List<String> layers = files.keySet().stream().filter(k -> k.endsWith(".shp"))
                .map(k -> k.substring(0, k.length() - 4)).toList();
        if (layers.isEmpty()) {
            throw new ImportFailure("gis.exchange.shapefile.noShp");
        }
        String chosen;
        if (options.layer() != null) {
            chosen = options.layer().strip().toLowerCase(Locale.ROOT).replaceAll("\\.shp$", "");
            if (!layers.contains(chosen)) {
                throw new ImportFailure("gis.exchange.shapefile.noSuchLayer", options.layer(), String.join(", ", layers));
            }
        } else if (layers.size() > 1) {
            throw new ImportFailure("gis.exchange.shapefile.severalLayers", String.join(", ", layers));
        } else {
            chosen = layers.get(0);
        }
        if (!files.containsKey(chosen + ".shx")) {
            throw new ImportFailure("gis.exchange.shapefile.missingPart", chosen + ".shx");
        }
        if (!files.containsKey(chosen + ".dbf")) {
            throw new ImportFailure("gis.exchange.shapefile.missingPart", chosen + ".dbf");
        }
        return files.get(chosen + ".shp");
    }

    private static String prjName(String wkt) {
        int q1 = wkt.indexOf('"');
        int q2 = q1 < 0 ? -1 : wkt.indexOf('"', q1 + 1);
        return q2 > q1 ? wkt.substring(q1 + 1, q2) : wkt.strip();
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("hromada-gis-import");
        } catch (IOException e) {
            throw new ImportFailure("gis.exchange.file.unreadable");
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is removed with the system's temporary files
        }
    }
}
