package ua.hromada.portal.ui.map;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import ua.hromada.portal.api.map.MapFeature;

/**
 * JSON for the browser half of the map. Features use one-letter keys (i id, a lat, o lon, n count,
 * c colour, t title, l popup lines, h href, x highlighted): a view can hold thousands of them.
 */
final class FeatureJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private FeatureJson() {
    }

    static String features(List<MapFeature> features) {
        return write(g -> {
            g.writeStartArray();
            for (MapFeature f : features) {
                g.writeStartObject();
                if (f.id() != null) {
                    g.writeStringField("i", f.id());
                }
                g.writeNumberField("a", f.lat());
                g.writeNumberField("o", f.lon());
                g.writeNumberField("n", f.count());
                if (f.color() != null) {
                    g.writeStringField("c", f.color());
                }
                if (f.title() != null) {
                    g.writeStringField("t", f.title());
                }
                if (!f.popupLines().isEmpty()) {
                    g.writeArrayFieldStart("l");
                    for (String line : f.popupLines()) {
                        g.writeString(line);
                    }
                    g.writeEndArray();
                }
                if (f.href() != null) {
                    g.writeStringField("h", f.href());
                }
                if (f.highlighted()) {
                    g.writeBooleanField("x", true);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    /** JSON text written as it is (it was produced by this package). */
    record Raw(String json) {
    }

    interface Body {
        void write(JsonGenerator generator) throws IOException;
    }

    static String write(Body body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** The arguments of a call to the browser half: numbers, booleans, texts, JSON, pairs; anything else is null. */
    static String args(Object... args) {
        return write(g -> {
            g.writeStartArray();
            for (Object arg : args) {
                if (arg instanceof double[] pair) {
                    g.writeArray(pair, 0, pair.length);
                } else if (arg instanceof Integer i) {
                    g.writeNumber(i);
                } else if (arg instanceof Double d) {
                    g.writeNumber(d);
                } else if (arg instanceof Boolean b) {
                    g.writeBoolean(b);
                } else if (arg instanceof String text) {
                    g.writeString(text);
                } else if (arg instanceof Raw raw) {
                    g.writeRawValue(raw.json());
                } else {
                    g.writeNull();
                }
            }
            g.writeEndArray();
        });
    }

    static void point(JsonGenerator g, String field, double lat, double lon) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeNumberField("lat", lat);
        g.writeNumberField("lon", lon);
        g.writeEndObject();
    }
}
