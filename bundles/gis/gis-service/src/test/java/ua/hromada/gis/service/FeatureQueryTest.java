package ua.hromada.gis.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import ua.hromada.gis.api.FeatureInput;
import ua.hromada.gis.api.FeatureQuery;
import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.GisFeature;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.api.Page;
import ua.hromada.portal.api.map.BoundingBox;

/** A layer's objects by box, attribute values, words, a date range, page by page. */
class FeatureQueryTest {
    @AutoClose
    private final GisTestSetup gis = new GisTestSetup();

    @Test
    void filtersAndPages() {
        Layer signage = gis.layer(ShippedLayers.SIGNAGE);
        List<FeatureInput> rows = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            rows.add(new FeatureInput(String.format(Locale.ROOT, "POINT(%s 49.59)", 34.50 + i * 0.01),
                    Map.of("owner", i % 2 == 0 ? "ТОВ «Світло»" : "ФОП Коваль", "status", i < 5 ? "без дозволу" : "дозвіл є",
                            "permit_number", "N" + i, "permit_term", LocalDate.of(2025, 1, 1).plusDays(i).toString())));
        }
        List<GisFeature> saved = gis.features().createAll(gis.editor, signage.id(), rows);

        Page<GisFeature> first = gis.features().query(gis.viewer, FeatureQuery.all(signage.id()).page(0, 10));
        assertEquals(25, first.total());
        assertEquals(saved.subList(0, 10), first.items());
        assertTrue(first.hasNext());
        Page<GisFeature> last = gis.features().query(gis.viewer, FeatureQuery.all(signage.id()).page(20, 10));
        assertEquals(saved.subList(20, 25), last.items());
        assertEquals(25, last.total());
        assertFalse(last.hasNext());

        // 34.515 .. 34.545: objects 2, 3, 4
        FeatureQuery box = FeatureQuery.all(signage.id()).within(new BoundingBox(49.5, 34.515, 49.7, 34.545));
        assertEquals(List.of(saved.get(2), saved.get(3), saved.get(4)), gis.features().query(gis.viewer, box).items());
        assertEquals(2, gis.features().count(gis.viewer, box.where(Map.of("status", "БЕЗ ДОЗВОЛУ", "owner", "тов «світло»"))));
        assertEquals(12, gis.features().count(gis.viewer, FeatureQuery.all(signage.id()).matching("коваль")));
        assertEquals(1, gis.features().count(gis.viewer, FeatureQuery.all(signage.id()).where(Map.of("permit_term",
                "10.01.2025"))));
        assertEquals(List.of(saved.get(3), saved.get(4), saved.get(5)), gis.features().query(gis.viewer,
                FeatureQuery.all(signage.id()).dated("permit_term", LocalDate.of(2025, 1, 4), LocalDate.of(2025, 1, 6)))
                .items());
        GisException unknown = assertThrows(GisException.class, () -> gis.features().count(gis.viewer,
                FeatureQuery.all(signage.id()).where(Map.of("colour", "red"))));
        assertEquals("gis.error.unknownAttribute", unknown.errors().get(0).messageKey());
        assertEquals("gis.error.date", assertThrows(GisException.class, () -> gis.features().count(gis.viewer,
                FeatureQuery.all(signage.id()).where(Map.of("permit_term", "вчора")))).errors().get(0).messageKey());
        assertEquals("gis.error.notDateAttribute", assertThrows(GisException.class, () -> gis.features().count(gis.viewer,
                FeatureQuery.all(signage.id()).dated("owner", LocalDate.MIN, null))).errors().get(0).messageKey());
    }
}
