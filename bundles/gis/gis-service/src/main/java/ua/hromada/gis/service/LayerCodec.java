package ua.hromada.gis.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ua.hromada.gis.api.AttributeDefinition;
import ua.hromada.gis.api.AttributeType;
import ua.hromada.gis.api.LayerStyle;
import ua.hromada.gis.api.MarkerShape;

/** A layer's schema and style as the jsonb of {@code gis.layer}. */
final class LayerCodec {
    private LayerCodec() {
    }

    static String schemaJson(List<AttributeDefinition> attributes) {
        List<Object> out = new ArrayList<>();
        for (AttributeDefinition a : attributes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", a.name());
            m.put("label", a.label());
            m.put("type", a.type().name());
            m.put("required", a.required());
            m.put("unique", a.unique());
            if (a.maxLength() != null) {
                m.put("maxLength", a.maxLength());
            }
            if (!a.choices().isEmpty()) {
                m.put("choices", a.choices());
            }
            out.add(m);
        }
        return Json.write(out);
    }

    static List<AttributeDefinition> schema(String json) {
        List<AttributeDefinition> out = new ArrayList<>();
        if (Json.read(json) instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> m) {
                    List<String> choices = new ArrayList<>();
                    if (m.get("choices") instanceof List<?> c) {
                        c.forEach(v -> choices.add(String.valueOf(v)));
                    }
                    Object max = m.get("maxLength");
                    out.add(new AttributeDefinition((String) m.get("name"), (String) m.get("label"),
                            AttributeType.valueOf((String) m.get("type")), Boolean.TRUE.equals(m.get("required")),
                            Boolean.TRUE.equals(m.get("unique")),
                            max instanceof BigDecimal d ? Integer.valueOf(d.intValue()) : null, choices));
                }
            }
        }
        return out;
    }

    static String styleJson(LayerStyle s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("color", s.color());
        m.put("strokeColor", s.strokeColor());
        m.put("strokeWidth", BigDecimal.valueOf(s.strokeWidth()));
        m.put("fillColor", s.fillColor());
        m.put("fillOpacity", BigDecimal.valueOf(s.fillOpacity()));
        m.put("marker", s.marker().name());
        m.put("icon", s.icon());
        m.put("byAttribute", s.byAttribute());
        m.put("valueColors", new LinkedHashMap<>(s.valueColors()));
        return Json.write(m);
    }

    static LayerStyle style(String json) {
        Map<String, Object> m = Json.readObject(json);
        if (m.isEmpty()) {
            return LayerStyle.plain();
        }
        Map<String, String> valueColors = new LinkedHashMap<>();
        if (m.get("valueColors") instanceof Map<?, ?> vc) {
            vc.forEach((k, v) -> valueColors.put(String.valueOf(k), String.valueOf(v)));
        }
        return new LayerStyle((String) m.get("color"), (String) m.get("strokeColor"), number(m.get("strokeWidth")),
                (String) m.get("fillColor"), number(m.get("fillOpacity")),
                m.get("marker") == null ? null : MarkerShape.valueOf((String) m.get("marker")), (String) m.get("icon"),
                (String) m.get("byAttribute"), valueColors);
    }

    private static double number(Object value) {
        return value instanceof BigDecimal d ? d.doubleValue() : 0;
    }
}
