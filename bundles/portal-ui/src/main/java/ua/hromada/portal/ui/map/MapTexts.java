package ua.hromada.portal.ui.map;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonGenerator;
import com.vaadin.flow.component.Component;

/** The texts the browser half of {@link PortalMap} shows, from i18n/portalui (Ukrainian by default). */
final class MapTexts {

    /** Texts of the script: keys under {@code map.} in i18n/portalui. */
    static final List<String> LABELS = List.of("label", "open", "cluster", "selected", "loadError", "zoomIn", "zoomOut",
            "tool.bar", "tool.drawPoint", "tool.drawLine", "tool.drawPolygon", "tool.undo", "tool.finish", "tool.cancel",
            "tool.measureDistance", "tool.measureArea", "measure.hint", "measure.distance",
            "measure.area", "unit.m", "unit.km", "unit.m2", "unit.ha", "unit.km2");
    static final List<String> GEOMAN_TOOLTIPS = List.of("placeMarker", "placeMarkerTouch", "firstVertex", "continueLine",
            "finishLine", "finishPoly", "finishRect", "startCircle", "finishCircle", "placeCircleMarker", "placeText");
    static final List<String> GEOMAN_ACTIONS = List.of("finish", "cancel", "removeLastVertex");

    private MapTexts() {
    }

    static void labels(JsonGenerator g, Component map) throws IOException {
        g.writeObjectFieldStart("labels");
        for (String key : LABELS) {
            g.writeStringField(key, map.getTranslation("map." + key, "{0}"));
        }
        g.writeEndObject();
    }

    /** The language and Leaflet-Geoman's own texts (tooltips while drawing). */
    static void geoman(JsonGenerator g, Component map, Locale locale) throws IOException {
        g.writeStringField("lang", locale == null ? "uk" : locale.getLanguage());
        g.writeObjectFieldStart("geoman");
        for (String group : List.of("tooltips", "actions")) {
            g.writeObjectFieldStart(group);
            for (String key : group.equals("tooltips") ? GEOMAN_TOOLTIPS : GEOMAN_ACTIONS) {
                g.writeStringField(key, map.getTranslation("map.geoman." + group + "." + key));
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
