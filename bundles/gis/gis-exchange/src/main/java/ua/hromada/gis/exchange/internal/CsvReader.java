package ua.hromada.gis.exchange.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import ua.hromada.gis.exchange.ExchangeMessage;
import ua.hromada.gis.exchange.ImportOptions;
import ua.hromada.gis.exchange.ImportedDataset;

/**
 * CSV with a header line: the separator (; , or tab) is the one the header uses most; the geometry
 * is in a WKT column or in two coordinate columns, named by the user or found by their usual names.
 * Coordinates may use a decimal comma (Excel in a Ukrainian locale). The row number is the line.
 */
final class CsvReader {
    static final Set<String> LON_NAMES = Set.of("lon", "lng", "long", "longitude", "x", "довгота", "долгота");
    static final Set<String> LAT_NAMES = Set.of("lat", "latitude", "y", "широта");
    static final Set<String> WKT_NAMES = Set.of("wkt", "geometry", "geom", "the_geom", "геометрія", "геометрия");
    private static final int MAX_SHOWN = 60;
    private final Limits limits;

    CsvReader(Limits limits) {
        this.limits = limits;
    }

    static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ImportFailure("gis.exchange.file.unknownCharset", name);
        }
    }

    ImportedDataset read(byte[] bytes, ImportOptions options) {
        Charset charset = options.charset() != null ? charset(options.charset()) : TextEncoding.detect(bytes);
        String text = TextEncoding.decode(bytes, charset);
        char separator = separator(text);
        int[] lineStarts = lineStarts(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(true)
                .setTrim(true).build();
        Integer srid = options.srid() != null ? options.srid() : DatasetBuilder.WGS84;
        DatasetBuilder out = new DatasetBuilder(limits.maxRows());
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new ImportFailure("gis.exchange.csv.empty");
            }
            List<String> header = header(records.next());
            Columns columns = columns(header, options);
            for (int i = 0; i < header.size(); i++) {
                if (!columns.isGeometry(i)) {
                    out.attribute(header.get(i));
                }
            }
            while (records.hasNext()) {
                CSVRecord record = records.next();
                int line = line(lineStarts, text, record.getCharacterPosition());
                row(record, line, header, columns, srid, out);
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            // Commons CSV reports an unclosed quote this way; the line is where parsing stopped
            throw new ImportFailure("gis.exchange.csv.malformed");
        } catch (IOException e) {
            throw new ImportFailure("gis.exchange.file.unreadable");
        }
        return out.build(srid);
    }

    private static void row(CSVRecord record, int line, List<String> header, Columns columns, Integer srid, DatasetBuilder out) {
        Map<String, String> attributes = new LinkedHashMap<>();
        List<ExchangeMessage> errors = new ArrayList<>();
        for (int i = 0; i < Math.min(record.size(), header.size()); i++) {
            if (!columns.isGeometry(i) && !record.get(i).isEmpty()) {
                attributes.put(header.get(i), record.get(i));
            }
        }
        if (record.size() > header.size()) {
            errors.add(ExchangeMessage.of("gis.exchange.row.columnCount", header.size(), record.size()));
        }
        Geometry geometry = null;
        Integer rowSrid = srid;
        try {
            if (columns.wkt >= 0) {
                String wkt = field(record, columns.wkt);
                if (wkt.regionMatches(true, 0, "SRID=", 0, 5) && wkt.indexOf(';') > 0) {
                    // EWKT as PostGIS writes it: the row names its own coordinate system
                    rowSrid = Integer.valueOf(wkt.substring(5, wkt.indexOf(';')).trim());
                    wkt = wkt.substring(wkt.indexOf(';') + 1);
                }
                geometry = wkt.isEmpty() ? null : wkt(wkt);
            } else {
                String x = field(record, columns.lon);
                String y = field(record, columns.lat);
                if (!x.isEmpty() || !y.isEmpty()) {
                    geometry = GeoJsonGeometry.FACTORY.createPoint(new Coordinate(number(x), number(y)));
                }
            }
        } catch (RowProblem p) {
            errors.add(p.error());
        } catch (NumberFormatException e) {
            errors.add(ExchangeMessage.of("gis.exchange.row.badSrid", field(record, columns.wkt)));
        }
        out.row(line, geometry, rowSrid, attributes, errors);
    }

    private static String field(CSVRecord record, int index) {
        return index < record.size() ? record.get(index) : "";
    }

    private static Geometry wkt(String text) {
        try {
            return new WKTReader(GeoJsonGeometry.FACTORY).read(text);
        } catch (ParseException | IllegalArgumentException e) {
            throw new RowProblem("gis.exchange.row.badWkt", shown(text));
        }
    }

    /** A coordinate: decimal point or comma, spaces as thousands separators. */
    static double number(String text) {
        String t = text.replace(" ", "").replace("\u00A0", "").replace("\u202F", "");
        if (t.indexOf(',') >= 0 && t.indexOf('.') < 0 && t.indexOf(',') == t.lastIndexOf(',')) {
            t = t.replace(',', '.');
        }
        try {
            double d = new BigDecimal(t).doubleValue();
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below with the text as the user wrote it
        }
        throw new RowProblem("gis.exchange.row.badCoordinate", shown(text.isEmpty() ? "—" : text));
    }

    private static String shown(String text) {
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "…";
    }

    private record Columns(int wkt, int lon, int lat) {
        boolean isGeometry(int i) {
            return i == wkt || i == lon || i == lat;
        }
    }

    private static Columns columns(List<String> header, ImportOptions options) {
        if (options.wktColumn() != null) {
            return new Columns(named(header, options.wktColumn()), -1, -1);
        }
        if (options.lonColumn() != null || options.latColumn() != null) {
            if (options.lonColumn() == null || options.latColumn() == null) {
                throw new ImportFailure("gis.exchange.csv.bothCoordinateColumns");
            }
            return new Columns(-1, named(header, options.lonColumn()), named(header, options.latColumn()));
        }
        int lon = find(header, LON_NAMES);
        int lat = find(header, LAT_NAMES);
        if (lon >= 0 && lat >= 0) {
            return new Columns(-1, lon, lat);
        }
        int wkt = find(header, WKT_NAMES);
        if (wkt >= 0) {
            return new Columns(wkt, -1, -1);
        }
        throw new ImportFailure("gis.exchange.csv.noGeometryColumns", String.join(", ", header));
    }

    private static int named(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equalsIgnoreCase(name.strip())) {
                return i;
            }
        }
        throw new ImportFailure("gis.exchange.csv.noSuchColumn", name, String.join(", ", header));
    }

    private static int find(List<String> header, Set<String> names) {
        for (int i = 0; i < header.size(); i++) {
            if (names.contains(header.get(i).toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    /** Header names, blank ones as "column N" and repeated ones numbered, so every attribute has a name. */
    private static List<String> header(CSVRecord record) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).isBlank() ? "column" + (i + 1) : record.get(i).strip();
            String unique = name;
            for (int n = 2; names.contains(unique); n++) {
                unique = name + "_" + n;
            }
            names.add(unique);
        }
        return names;
    }

    /** The separator the first line uses most, outside quotes (; before tab before , on a tie). */
    static char separator(String text) {
        int[] counts = new int[3];
        char[] candidates = {';', '\t', ','};
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (Arrays.stream(counts).sum() > 0) {
                    break;
                }
            } else if (!quoted) {
                for (int k = 0; k < candidates.length; k++) {
                    if (c == candidates[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        int best = 2;
        for (int k = 0; k < candidates.length; k++) {
            if (counts[k] > counts[best] || (counts[k] == counts[best] && k < best && counts[k] > 0)) {
                best = k;
            }
        }
        return candidates[best];
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The line a record starts on; Commons CSV's position may be that of the empty lines it skipped. */
    private static int line(int[] lineStarts, String text, long position) {
        int p = (int) position;
        while (p < text.length() && (text.charAt(p) == '\r' || text.charAt(p) == '\n')) {
            p++;
        }
        int found = Arrays.binarySearch(lineStarts, p);
        return (found >= 0 ? found : -found - 2) + 1;
    }
}
