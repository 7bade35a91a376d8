package ua.hromada.gis.exchange.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;

import org.locationtech.jts.geom.Geometry;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import ua.hromada.gis.exchange.ExportColumn;
import ua.hromada.gis.exchange.ExportFeature;
import ua.hromada.gis.exchange.ExportLayer;

/** A GeoJSON FeatureCollection as RFC 7946 has it: WGS 84 without a crs member, properties by attribute name. */
final class GeoJsonWriter {
    private static final JsonFactory JSON = new JsonFactory();

    void write(ExportLayer layer, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeStringField("type", "FeatureCollection");
            json.writeStringField("name", layer.title());
            json.writeArrayFieldStart("features");
            for (ExportFeature f : layer.features()) {
                json.writeStartObject();
                json.writeStringField("type", "Feature");
                if (f.id() != null) {
                    json.writeStringField("id", f.id());
                }
                Geometry g = ExportValues.geometry(f.geometry());
                json.writeFieldName("geometry");
                if (g == null) {
                    json.writeNull();
                } else {
                    GeoJsonGeometry.write(g, json);
                }
                json.writeObjectFieldStart("properties");
                for (ExportColumn c : layer.columns()) {
                    json.writeFieldName(c.name());
                    value(f.values().get(c.name()), json);
                }
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void value(Object v, JsonGenerator json) throws IOException {
        if (v == null) {
            json.writeNull();
        } else if (v instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (v instanceof BigDecimal d) {
            json.writeNumber(d);
        } else if (v instanceof BigInteger i) {
            json.writeNumber(i);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short) {
            json.writeNumber(((Number) v).longValue());
        } else if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            json.writeNumber(n.doubleValue());
        } else {
            json.writeString(ExportValues.text(v));
        }
    }
}
