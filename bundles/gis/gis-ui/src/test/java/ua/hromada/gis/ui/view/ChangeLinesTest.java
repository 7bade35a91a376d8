package ua.hromada.gis.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ua.hromada.gis.api.FeatureChange;
import ua.hromada.gis.api.FeatureInput;
import ua.hromada.gis.api.GisFeature;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.service.GisTestSetup;

/** The history dialog's lines for real history entries of the GIS service. */
class ChangeLinesTest {
    private final GisTestSetup gis = new GisTestSetup();

    @AfterEach
    void close() {
        gis.close();
    }

    @Test
    void eachEntrySaysWhichAttributesChangedFromWhatToWhatAndWhetherTheGeometryMoved() {
        Layer heritage = gis.layer("heritage");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", "Ротонда");
        values.put("address", "вул. Соборна");
        GisFeature f = gis.features().create(gis.editor, heritage.id(),
                new FeatureInput(AttributeValues.point(34.55, 49.59), values));
        values.put("name", "Ротонда дружби");
        values.put("address", null);
        f = gis.features().update(gis.editor, f.id(), f.version(), new FeatureInput(f.geometry(), values));
        gis.features().update(gis.editor, f.id(), f.version(), new FeatureInput(AttributeValues.point(34.56, 49.59), values));

        List<FeatureChange> history = gis.features().history(gis.editor, f.id());
        assertEquals(3, history.size());
        assertEquals(List.of("Назва: — → Ротонда", "Адреса: — → вул. Соборна"),
                ChangeLines.of(heritage, history.get(0)).stream().map(Object::toString).toList());
        assertTrue(ChangeLines.geometryChanged(history.get(0)), "a creation brings the geometry");
        assertEquals(List.of("Назва: Ротонда → Ротонда дружби", "Адреса: вул. Соборна → —"),
                ChangeLines.of(heritage, history.get(1)).stream().map(Object::toString).toList());
        assertFalse(ChangeLines.geometryChanged(history.get(1)));
        assertEquals(List.of(), ChangeLines.of(heritage, history.get(2)));
        assertTrue(ChangeLines.geometryChanged(history.get(2)), "the point moved");
    }
}
