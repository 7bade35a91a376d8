package ua.hromada.gis.exchange.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * GeoJSON geometry objects (RFC 7946 §3.1) to and from JTS geometries. Reading checks the structure
 * and reports what is wrong as a {@link RowProblem}; the coordinates are kept as they are (any CRS).
 */
final class GeoJsonGeometry {
    static final GeometryFactory FACTORY = new GeometryFactory();
    private static final JsonFactory JSON = new JsonFactory();

    private GeoJsonGeometry() {
    }

    static Geometry read(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new RowProblem("gis.exchange.row.noGeometry");
        }
        if (!node.isObject() || !node.path("type").isTextual()) {
            throw new RowProblem("gis.exchange.row.badGeometry", "type");
        }
        String type = node.get("type").asText();
        if (type.equals("GeometryCollection")) {
            JsonNode members = node.path("geometries");
            if (!members.isArray()) {
                throw new RowProblem("gis.exchange.row.badGeometry", type);
            }
            Geometry[] parts = new Geometry[members.size()];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = read(members.get(i));
            }
            return FACTORY.createGeometryCollection(parts);
        }
        JsonNode c = node.path("coordinates");
        if (!c.isArray()) {
            throw new RowProblem("gis.exchange.row.badGeometry", type);
        }
        return switch (type) {
            case "Point" -> FACTORY.createPoint(position(c));
            case "MultiPoint" -> FACTORY.createMultiPointFromCoords(positions(c));
            case "LineString" -> line(c);
            case "MultiLineString" -> {
                LineString[] lines = new LineString[c.size()];
                for (int i = 0; i < lines.length; i++) {
                    lines[i] = line(c.get(i));
                }
                yield FACTORY.createMultiLineString(lines);
            }
            case "Polygon" -> polygon(c);
            case "MultiPolygon" -> {
                Polygon[] polygons = new Polygon[c.size()];
                for (int i = 0; i < polygons.length; i++) {
                    polygons[i] = polygon(c.get(i));
                }
                yield FACTORY.createMultiPolygon(polygons);
            }
            default -> throw new RowProblem("gis.exchange.row.unknownGeometryType", type);
        };
    }

    private static Coordinate position(JsonNode p) {
        if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
            throw new RowProblem("gis.exchange.row.badCoordinate", p.toString());
        }
        Coordinate c = p.size() > 2 && p.get(2).isNumber()
                ? new Coordinate(p.get(0).asDouble(), p.get(1).asDouble(), p.get(2).asDouble())
                : new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
        if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
            throw new RowProblem("gis.exchange.row.badCoordinate", p.toString());
        }
        return c;
    }

    private static Coordinate[] positions(JsonNode array) {
        if (!array.isArray()) {
            throw new RowProblem("gis.exchange.row.badCoordinate", array.toString());
        }
        Coordinate[] out = new Coordinate[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = position(array.get(i));
        }
        return out;
    }

    private static LineString line(JsonNode c) {
        Coordinate[] points = positions(c);
        if (points.length < 2) {
            throw new RowProblem("gis.exchange.row.tooFewPoints", "LineString", 2);
        }
        return FACTORY.createLineString(points);
    }

    private static Polygon polygon(JsonNode c) {
        if (!c.isArray() || c.isEmpty()) {
            throw new RowProblem("gis.exchange.row.badGeometry", "Polygon");
        }
        LinearRing shell = ring(positions(c.get(0)));
        LinearRing[] holes = new LinearRing[c.size() - 1];
        for (int i = 1; i < c.size(); i++) {
            holes[i - 1] = ring(positions(c.get(i)));
        }
        return FACTORY.createPolygon(shell, holes);
    }

    static LinearRing ring(Coordinate[] points) {
        if (points.length < 4) {
            throw new RowProblem("gis.exchange.row.tooFewPoints", "Polygon", 4);
        }
        if (!points[0].equals2D(points[points.length - 1])) {
            throw new RowProblem("gis.exchange.row.ringNotClosed", format(points[0]));
        }
        return FACTORY.createLinearRing(points);
    }

    static String format(Coordinate c) {
        return plain(c.x) + " " + plain(c.y);
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    static String write(Geometry g) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            write(g, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static void write(Geometry g, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", g.getGeometryType());
        if (g instanceof GeometryCollection && !(g instanceof MultiPoint || g instanceof MultiLineString
                || g instanceof MultiPolygon)) {
            json.writeArrayFieldStart("geometries");
            for (int i = 0; i < g.getNumGeometries(); i++) {
                write(g.getGeometryN(i), json);
            }
            json.writeEndArray();
        } else {
            json.writeFieldName("coordinates");
            coordinates(g, json);
        }
        json.writeEndObject();
    }

    private static void coordinates(Geometry g, JsonGenerator json) throws IOException {
        if (g instanceof Point p) {
            if (p.isEmpty()) {
                json.writeStartArray();
                json.writeEndArray();
            } else {
                position(p.getCoordinate(), json);
            }
        } else if (g instanceof LineString l) {
            positions(l.getCoordinates(), json);
        } else if (g instanceof Polygon p) {
            json.writeStartArray();
            if (!p.isEmpty()) {
                positions(p.getExteriorRing().getCoordinates(), json);
                for (int i = 0; i < p.getNumInteriorRing(); i++) {
                    positions(p.getInteriorRingN(i).getCoordinates(), json);
                }
            }
            json.writeEndArray();
        } else {
            json.writeStartArray();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                coordinates(g.getGeometryN(i), json);
            }
            json.writeEndArray();
        }
    }

    private static void positions(Coordinate[] cs, JsonGenerator json) throws IOException {
        json.writeStartArray();
        for (Coordinate c : cs) {
            position(c, json);
        }
        json.writeEndArray();
    }

    private static void position(Coordinate c, JsonGenerator json) throws IOException {
        json.writeStartArray();
        json.writeNumber(c.x);
        json.writeNumber(c.y);
        if (!Double.isNaN(c.getZ())) {
            json.writeNumber(c.getZ());
        }
        json.writeEndArray();
    }
}
