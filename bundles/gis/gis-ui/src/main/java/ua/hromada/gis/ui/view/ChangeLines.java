package ua.hromada.gis.ui.view;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import ua.hromada.gis.api.AttributeDefinition;
import ua.hromada.gis.api.FeatureChange;
import ua.hromada.gis.api.Layer;

/** What one history entry changed: "label: old → new" per attribute, and whether the geometry moved. */
public final class ChangeLines {

    public record Line(String label, String oldValue, String newValue) {
        @Override
        public String toString() {
            return label + ": " + oldValue + " → " + newValue;
        }
    }

    private ChangeLines() {
    }

    /** The attributes whose value differs, in the layer schema's order (then any no longer in it). */
    public static List<Line> of(Layer layer, FeatureChange change) {
        Map<String, Object> before = change.oldAttributes() == null ? Map.of() : change.oldAttributes();
        Map<String, Object> after = change.newAttributes() == null ? Map.of() : change.newAttributes();
        Set<String> names = new LinkedHashSet<>();
        layer.attributes().forEach(a -> names.add(a.name()));
        names.addAll(before.keySet());
        names.addAll(after.keySet());
        List<Line> out = new ArrayList<>();
        for (String name : names) {
            String o = AttributeValues.display(before.get(name));
            String n = AttributeValues.display(after.get(name));
            if (!Objects.equals(o, n)) {
                String label = layer.attribute(name).map(AttributeDefinition::label).orElse(name);
                out.add(new Line(label, o.isEmpty() ? "—" : o, n.isEmpty() ? "—" : n));
            }
        }
        return out;
    }

    /** True when the entry changed the geometry (a creation or deletion counts as a change). */
    public static boolean geometryChanged(FeatureChange change) {
        return !Objects.equals(change.oldGeometry(), change.newGeometry());
    }
}
