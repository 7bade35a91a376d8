package ua.hromada.gis.exchange.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;

import ua.hromada.gis.exchange.ExchangeMessage;
import ua.hromada.gis.exchange.ImportOptions;
import ua.hromada.gis.exchange.ImportedDataset;

/**
 * KML 2.2 (and KMZ, its ZIP): every Placemark with Point, LineString, LinearRing, Polygon or
 * MultiGeometry; its name, description and ExtendedData (Data/value and SchemaData/SimpleData) are
 * the attributes. KML coordinates are WGS 84. A file without an encoding declaration is UTF-8 by the
 * XML rules, but files saved by Windows tools are often Windows-1251: those are detected.
 */
final class KmlReader {
    private static final Pattern DECLARED_ENCODING = Pattern.compile("^<\\?xml[^>]*encoding\\s*=\\s*[\"']([^\"']+)[\"']");
    private final Limits limits;

    KmlReader(Limits limits) {
        this.limits = limits;
    }

    ImportedDataset read(byte[] bytes, ImportOptions options) {
        if (bytes.length >= 2 && bytes[0] == 'P' && bytes[1] == 'K') {
            bytes = kmlOfKmz(bytes);
        }
        Integer srid = options.srid() != null ? options.srid() : DatasetBuilder.WGS84;
        DatasetBuilder out = new DatasetBuilder(limits.maxRows());
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        XMLStreamReader xml = null;
        try {
            xml = reader(factory, bytes, options);
            boolean sawKml = false;
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if (name.equals("kml")) {
                        sawKml = true;
                    } else if (name.equals("Placemark")) {
                        placemark(xml, out.rowCount() + 1, srid, out);
                    }
                }
            }
            if (!sawKml) {
                throw new ImportFailure("gis.exchange.kml.notKml");
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new ImportFailure("gis.exchange.file.badXml", line);
        } finally {
            close(xml);
        }
        return out.build(srid);
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // nothing to release: the input is in memory
            }
        }
    }

    /** The text in the user's encoding, else the BOM's or the declared one, else the detected one. */
    private static XMLStreamReader reader(XMLInputFactory factory, byte[] bytes, ImportOptions options) throws XMLStreamException {
        if (options.charset() != null) {
            return factory.createXMLStreamReader(new StringReader(
                    TextEncoding.decode(bytes, CsvReader.charset(options.charset()))));
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
        Matcher declared = DECLARED_ENCODING.matcher(head);
        // decoded here, strictly, so that a text not in its declared encoding is a clear file error
        Charset charset = TextEncoding.hasUtf8Bom(bytes) ? StandardCharsets.UTF_8
                : declared.find() ? CsvReader.charset(declared.group(1)) : TextEncoding.detect(bytes);
        return factory.createXMLStreamReader(new StringReader(TextEncoding.decode(bytes, charset)));
    }

    private byte[] kmlOfKmz(byte[] zip) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (!entry.isDirectory() && entry.getName().toLowerCase(Locale.ROOT).endsWith(".kml")) {
                    return LimitedInput.readAll(in, limits.maxUnpackedBytes());
                }
            }
        } catch (IOException e) {
            throw new ImportFailure("gis.exchange.file.notZip");
        }
        throw new ImportFailure("gis.exchange.kml.noKmlInKmz");
    }

    private static void placemark(XMLStreamReader xml, int number, Integer srid, DatasetBuilder out) throws XMLStreamException {
        Map<String, String> attributes = new LinkedHashMap<>();
        List<Geometry> geometries = new ArrayList<>();
        List<ExchangeMessage> errors = new ArrayList<>();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = xml.getLocalName();
            switch (name) {
                case "name", "description" -> {
                    if (depth == 1) {
                        attributes.put(name, xml.getElementText().strip());
                    } else {
                        depth++;
                    }
                }
                case "SimpleData" -> {
                    String key = xml.getAttributeValue(null, "name");
                    String value = xml.getElementText().strip();
                    if (key != null) {
                        attributes.put(key, value);
                    }
                }
                case "Data" -> data(xml, attributes);
                case "Point", "LineString", "LinearRing", "Polygon", "MultiGeometry" -> {
                    try {
                        geometries.add(geometry(xml, name));
                    } catch (RowProblem p) {
                        errors.add(p.error());
                    }
                }
                default -> depth++;
            }
        }
        Geometry geometry = null;
        if (errors.isEmpty() && !geometries.isEmpty()) {
            geometry = geometries.size() == 1 ? geometries.get(0) : GeoJsonGeometry.FACTORY.buildGeometry(flatten(geometries));
        }
        out.row(number, geometry, srid, attributes, errors);
    }

    private static List<Geometry> flatten(List<Geometry> geometries) {
        List<Geometry> parts = new ArrayList<>();
        for (Geometry g : geometries) {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                parts.add(g.getGeometryN(i));
            }
        }
        return parts;
    }

    private static void data(XMLStreamReader xml, Map<String, String> attributes) throws XMLStreamException {
        String key = xml.getAttributeValue(null, "name");
        String value = null;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (xml.getLocalName().equals("value")) {
                    value = xml.getElementText().strip();
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        if (key != null && value != null) {
            attributes.put(key, value);
        }
    }

    /**
     * Reads a geometry element up to its end element, also when it is broken (then the first problem
     * is thrown at its end, so the placemark's reading goes on after it).
     */
    private static Geometry geometry(XMLStreamReader xml, String element) throws XMLStreamException {
        RowProblem problem = null;
        if (element.equals("MultiGeometry")) {
            List<Geometry> parts = new ArrayList<>();
            while (xml.nextTag() == XMLStreamConstants.START_ELEMENT || !xml.getLocalName().equals(element)) {
                if (xml.isStartElement()) {
                    String name = xml.getLocalName();
                    switch (name) {
                        case "Point", "LineString", "LinearRing", "Polygon", "MultiGeometry" -> {
                            try {
                                parts.add(geometry(xml, name));
                            } catch (RowProblem p) {
                                problem = problem == null ? p : problem;
                            }
                        }
                        default -> skip(xml);
                    }
                }
            }
            if (problem != null) {
                throw problem;
            }
            if (parts.isEmpty()) {
                throw new RowProblem("gis.exchange.row.noGeometry");
            }
            return GeoJsonGeometry.FACTORY.buildGeometry(flatten(parts));
        }
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        Coordinate[] coordinates = null;
        int depth = 1;
        boolean inner = false;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (xml.getLocalName().equals("innerBoundaryIs")) {
                    inner = false;
                }
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if (name.equals("coordinates")) {
                    String text = xml.getElementText();
                    try {
                        Coordinate[] read = coordinates(text);
                        if (element.equals("Polygon")) {
                            LinearRing ring = GeoJsonGeometry.ring(read);
                            if (inner) {
                                holes.add(ring);
                            } else {
                                shell = ring;
                            }
                        } else {
                            coordinates = read;
                        }
                    } catch (RowProblem p) {
                        problem = problem == null ? p : problem;
                    }
                } else {
                    if (name.equals("innerBoundaryIs")) {
                        inner = true;
                    }
                    depth++;
                }
            }
        }
        if (problem != null) {
            throw problem;
        }
        return switch (element) {
            case "Point" -> {
                if (coordinates == null || coordinates.length != 1) {
                    throw new RowProblem("gis.exchange.row.tooFewPoints", "Point", 1);
                }
                yield GeoJsonGeometry.FACTORY.createPoint(coordinates[0]);
            }
            case "LineString" -> {
                if (coordinates == null || coordinates.length < 2) {
                    throw new RowProblem("gis.exchange.row.tooFewPoints", "LineString", 2);
                }
                yield GeoJsonGeometry.FACTORY.createLineString(coordinates);
            }
            case "LinearRing" -> GeoJsonGeometry.FACTORY.createPolygon(
                    GeoJsonGeometry.ring(coordinates == null ? new Coordinate[0] : coordinates));
            default -> {
                if (shell == null) {
                    throw new RowProblem("gis.exchange.row.tooFewPoints", "Polygon", 4);
                }
                yield GeoJsonGeometry.FACTORY.createPolygon(shell, holes.toArray(LinearRing[]::new));
            }
        };
    }

    /** KML tuples "lon,lat[,alt]" separated by white space. */
    static Coordinate[] coordinates(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return new Coordinate[0];
        }
        String[] tuples = trimmed.split("\\s+");
        Coordinate[] out = new Coordinate[tuples.length];
        for (int i = 0; i < tuples.length; i++) {
            String[] parts = tuples[i].split(",");
            try {
                if (parts.length < 2 || parts.length > 3) {
                    throw new NumberFormatException();
                }
                double x = Double.parseDouble(parts[0]);
                double y = Double.parseDouble(parts[1]);
                if (!Double.isFinite(x) || !Double.isFinite(y)) {
                    throw new NumberFormatException();
                }
                out[i] = parts.length == 3 ? new Coordinate(x, y, Double.parseDouble(parts[2])) : new Coordinate(x, y);
            } catch (NumberFormatException e) {
                throw new RowProblem("gis.exchange.row.badCoordinate", tuples[i]);
            }
        }
        return out;
    }

    /** Skips the current element with everything in it. */
    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }
}
