package ua.hromada.gis.exchange.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.locationtech.jts.geom.Geometry;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ua.hromada.gis.exchange.ExchangeMessage;
import ua.hromada.gis.exchange.ImportOptions;
import ua.hromada.gis.exchange.ImportedDataset;

/**
 * GeoJSON: a FeatureCollection (also a single Feature or a bare geometry). The features are read
 * one at a time; the coordinate system is the user's choice, else the (2008 GeoJSON) {@code crs}
 * member, else WGS 84 as RFC 7946 says.
 */
final class GeoJsonReader {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final Limits limits;

    GeoJsonReader(Limits limits) {
        this.limits = limits;
    }

    private record Pending(int number, Geometry geometry, Map<String, String> attributes, List<ExchangeMessage> errors) {
    }

    ImportedDataset read(InputStream in, ImportOptions options) {
        return read(in, options.srid(), null);
    }

    /**
     * @param chosen      the coordinate system to use whatever the file says, or null
     * @param whenUnknown the file error when neither {@code chosen} nor a crs member gives one;
     *                    null = WGS 84, as in plain GeoJSON
     */
    ImportedDataset read(InputStream in, Integer chosen, ExchangeMessage whenUnknown) {
        List<Pending> pending = new ArrayList<>();
        String crsName = null;
        try (JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new ImportFailure("gis.exchange.geojson.notFeatureCollection");
            }
            String type = null;
            ObjectNode single = null;
            boolean sawFeatures = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("features") && value == JsonToken.START_ARRAY) {
                    sawFeatures = true;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        if (pending.size() >= limits.maxRows()) {
                            throw new ImportFailure("gis.exchange.file.tooManyRows", limits.maxRows());
                        }
                        pending.add(feature(pending.size() + 1, p.readValueAsTree()));
                    }
                } else if (field.equals("crs")) {
                    crsName = crsName(p.readValueAsTree());
                } else if (field.equals("type") && value == JsonToken.VALUE_STRING) {
                    type = p.getText();
                } else {
                    // a single Feature's or geometry's members are kept to be read as one
                    JsonNode node = p.readValueAsTree();
                    single = single == null ? JSON.createObjectNode() : single;
                    single.set(field, node);
                }
            }
            if (type == null || (!sawFeatures && !type.equals("Feature") && !isGeometryType(type))) {
                throw new ImportFailure("gis.exchange.geojson.notFeatureCollection");
            }
            if (!sawFeatures) {
                ObjectNode node = single == null ? JSON.createObjectNode() : single;
                node.put("type", type);
                pending.add(type.equals("Feature") ? feature(1, node) : feature(1, featureOf(node)));
            }
        } catch (JsonParseException e) {
            throw new ImportFailure("gis.exchange.file.badJson", e.getLocation().getLineNr(), e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new ImportFailure("gis.exchange.file.unreadable");
        }
        DatasetBuilder out = new DatasetBuilder(limits.maxRows());
        Integer srid = srid(chosen, crsName, whenUnknown, out);
        for (Pending row : pending) {
            out.row(row.number, row.geometry, srid, row.attributes, row.errors);
        }
        return out.build(srid);
    }

    /** The chosen code, else the crs member's, else WGS 84 or the file error; an unknown crs member is a file error. */
    private static Integer srid(Integer chosen, String crsName, ExchangeMessage whenUnknown, DatasetBuilder out) {
        if (chosen != null) {
            return chosen;
        }
        if (crsName == null) {
            if (whenUnknown != null) {
                out.fileError(whenUnknown);
                return null;
            }
            return DatasetBuilder.WGS84;
        }
        OptionalInt code = CrsNames.srid(crsName);
        if (code.isEmpty()) {
            out.fileError("gis.exchange.file.unknownCrs", crsName);
            return null;
        }
        return code.getAsInt();
    }

    private static JsonNode featureOf(JsonNode geometry) {
        ObjectNode f = JSON.createObjectNode();
        f.put("type", "Feature");
        f.set("geometry", geometry);
        return f;
    }

    private static boolean isGeometryType(String type) {
        return switch (type) {
            case "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection" -> true;
            default -> false;
        };
    }

    private static String crsName(JsonNode crs) {
        JsonNode props = crs.path("properties");
        if (props.path("name").isTextual()) {
            return props.get("name").asText();
        }
        if (props.has("code")) {
            return "EPSG:" + props.get("code").asText();
        }
        return crs.toString();
    }

    private static Pending feature(int number, JsonNode f) {
        Map<String, String> attributes = new LinkedHashMap<>();
        List<ExchangeMessage> errors = new ArrayList<>();
        if (!f.isObject() || !"Feature".equals(f.path("type").asText())) {
            errors.add(ExchangeMessage.of("gis.exchange.row.notFeature"));
            return new Pending(number, null, attributes, errors);
        }
        f.path("properties").fields().forEachRemaining(e -> {
            String text = text(e.getValue());
            if (text != null) {
                attributes.put(e.getKey(), text);
            }
        });
        Geometry geometry = null;
        try {
            geometry = GeoJsonGeometry.read(f.get("geometry"));
        } catch (RowProblem problem) {
            errors.add(problem.error());
        } catch (IllegalArgumentException e) {
            errors.add(ExchangeMessage.of("gis.exchange.row.badGeometry", f.path("geometry").path("type").asText()));
        }
        return new Pending(number, geometry, attributes, errors);
    }

    static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBigDecimal()) {
            return value.decimalValue().stripTrailingZeros().toPlainString();
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
