package ua.hromada.gis.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import ua.hromada.gis.api.ChangeAction;
import ua.hromada.gis.api.FeatureChange;
import ua.hromada.gis.api.FeatureInput;
import ua.hromada.gis.api.FeatureQuery;
import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.GisFeature;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.api.Visibility;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.jdbc.EditConflictException;

/**
 * Every change of an object in its history (who, when, old → new attributes and geometry), restore
 * of an earlier state and of a deleted object, optimistic locking, who may read and change what,
 * and the audit entries written with the change.
 */
class FeatureHistoryTest {
    private static final String A = "{\"type\":\"Point\",\"coordinates\":[34.5514,49.5894]}";
    private static final String B = "{\"type\":\"Point\",\"coordinates\":[34.56,49.6]}";

    @AutoClose
    private final GisTestSetup gis = new GisTestSetup();

    private Layer signage() {
        Layer l = gis.layer(ShippedLayers.SIGNAGE);
        // the advertising unit's layer
        return gis.layers().saveLayer(gis.admin, new Layer(l.id(), l.key(), l.groupId(), l.title(), l.geometryType(),
                l.attributes(), l.style(), GisTestSetup.ADVERTISING, l.visibility(), l.metadata(), l.linkedLayerId(),
                l.version(), null, null));
    }

    @Test
    void everyChangeIsInTheHistoryAndAnyStateCanBeRestored() {
        Layer signage = signage();
        GisFeature created = gis.features().create(gis.otherEditor, signage.id(), new FeatureInput(A,
                Map.of("owner", "ТОВ «Вітрина»", "permit_number", "17", "status", "дозвіл є",
                        "permit_term", "2025-12-31")));
        assertEquals(0, created.version());
        assertEquals("adverts", created.createdBy());
        gis.clock().advance(Duration.ofMinutes(5));
        GisFeature moved = gis.features().update(gis.otherEditor, created.id(), 0, new FeatureInput(B,
                Map.of("owner", "ТОВ «Вітрина»", "permit_number", "17", "status", "термін дії минув",
                        "permit_term", "2025-12-31")));
        assertEquals(1, moved.version());
        assertEquals(B.replace(" ", ""), moved.geometry().replace(" ", ""));

        // a form opened before the move saves too late
        assertThrows(EditConflictException.class, () -> gis.features().update(gis.otherEditor, created.id(), 0,
                new FeatureInput(A, Map.of("owner", "Інший", "status", "дозвіл є"))));
        assertThrows(EditConflictException.class, () -> gis.features().delete(gis.otherEditor, created.id(), 0));

        gis.features().delete(gis.otherEditor, created.id(), 1);
        assertTrue(gis.features().get(gis.viewer, created.id()).isEmpty());
        List<FeatureChange> history = gis.features().history(gis.viewer, created.id());
        assertEquals(List.of(ChangeAction.CREATE, ChangeAction.UPDATE, ChangeAction.DELETE),
                history.stream().map(FeatureChange::action).toList());
        FeatureChange update = history.get(1);
        assertEquals("adverts", update.actor());
        assertEquals(1, update.version());
        assertEquals("дозвіл є", update.oldAttributes().get("status"));
        assertEquals("термін дії минув", update.newAttributes().get("status"));
        assertEquals(LocalDate.of(2025, 12, 31), update.newAttributes().get("permit_term"));
        assertEquals(A.replace(" ", ""), update.oldGeometry());
        assertEquals(B.replace(" ", ""), update.newGeometry());
        assertNull(history.get(0).oldAttributes());
        assertNull(history.get(2).newGeometry());
        assertEquals(List.of(history.get(2)), gis.features().deleted(gis.viewer, signage.id(), 10));

        // the deleted object back, as it was when deleted, under its id
        GisFeature back = gis.features().restore(gis.otherEditor, created.id(), history.get(2).id());
        assertEquals(created.id(), back.id());
        assertEquals(2, back.version());
        assertEquals("термін дії минув", back.attributes().get("status"));
        assertEquals(B.replace(" ", ""), back.geometry());
        assertEquals(List.of(), gis.features().deleted(gis.viewer, signage.id(), 10));
        // and then its first state, geometry included
        GisFeature first = gis.features().restore(gis.otherEditor, created.id(), history.get(0).id());
        assertEquals(3, first.version());
        assertEquals("дозвіл є", first.attributes().get("status"));
        assertEquals(A.replace(" ", ""), first.geometry());
        List<FeatureChange> after = gis.features().history(gis.viewer, created.id());
        assertEquals(List.of(ChangeAction.CREATE, ChangeAction.UPDATE, ChangeAction.DELETE, ChangeAction.RESTORE,
                ChangeAction.RESTORE), after.stream().map(FeatureChange::action).toList());
        assertEquals("термін дії минув", after.get(4).oldAttributes().get("status"));
        assertEquals("дозвіл є", after.get(4).newAttributes().get("status"));

        String id = Long.toString(created.id());
        List<String> audit = gis.audit().stream().filter(e -> e.startsWith("feature " + id + " ")).toList();
        assertEquals(5, audit.size(), audit.toString());
        assertTrue(audit.get(1).contains("status: дозвіл є -> термін дії минув; geometry: moved"), audit.get(1));
        assertTrue(audit.get(2).startsWith("feature " + id + " delete"), audit.get(2));
        assertTrue(audit.get(3).startsWith("feature " + id + " restore"), audit.get(3));
    }

    @Test
    void aRestoreIsCheckedAgainstTheLayerAsItIsNow() {
        Layer signage = signage();
        GisFeature f = gis.features().create(gis.admin, signage.id(), new FeatureInput(A,
                Map.of("owner", "А", "permit_number", "5", "status", "дозвіл є")));
        gis.features().update(gis.admin, f.id(), 0, new FeatureInput(A,
                Map.of("owner", "А", "permit_number", "6", "status", "дозвіл є")));
        gis.features().create(gis.admin, signage.id(), new FeatureInput(B,
                Map.of("owner", "Б", "permit_number", "5", "status", "дозвіл є")));
        long createEntry = gis.features().history(gis.admin, f.id()).get(0).id();
        GisException e = assertThrows(GisException.class, () -> gis.features().restore(gis.admin, f.id(), createEntry));
        assertEquals("gis.error.unique", e.errors().get(0).messageKey());
        assertEquals("6", gis.features().get(gis.admin, f.id()).orElseThrow().attributes().get("permit_number"));
        GisException other = assertThrows(GisException.class, () -> gis.features().restore(gis.admin, f.id(),
                gis.features().history(gis.admin, f.id() + 1).get(0).id()));
        assertEquals(Reason.NOT_FOUND, other.reason(), "another object's entry");
    }

    @Test
    void editorsChangeOnlyTheirUnitsLayersAndEmployeesLayersAreHiddenFromOthers() {
        Layer signage = signage();
        Layer heritage = gis.layer(ShippedLayers.HERITAGE);
        FeatureInput sign = new FeatureInput(A, Map.of("owner", "А", "status", "дозвіл є"));
        assertEquals(Reason.FORBIDDEN, assertThrows(GisException.class,
                () -> gis.features().create(gis.editor, signage.id(), sign)).reason(), "another unit's layer");
        assertEquals(Reason.FORBIDDEN, assertThrows(GisException.class,
                () -> gis.features().create(gis.viewer, signage.id(), sign)).reason(), "a viewer");
        assertEquals(Reason.NOT_FOUND, assertThrows(GisException.class,
                () -> gis.features().create(gis.stranger, signage.id(), sign)).reason(), "not even seen");
        // a layer without an owner unit: any editor
        GisFeature monument = gis.features().create(gis.editor, heritage.id(),
                new FeatureInput(A, Map.of("name", "Колона Слави")));
        GisFeature s = gis.features().create(gis.otherEditor, signage.id(), sign);
        assertEquals(Reason.FORBIDDEN, assertThrows(GisException.class,
                () -> gis.features().delete(gis.editor, s.id(), s.version())).reason());
        assertEquals(Reason.FORBIDDEN, assertThrows(GisException.class, () -> gis.features().restore(gis.editor, s.id(),
                gis.features().history(gis.admin, s.id()).get(0).id())).reason());

        assertTrue(gis.features().get(gis.stranger, monument.id()).isEmpty());
        assertTrue(gis.features().getPublic(monument.id()).isEmpty());
        assertEquals(Reason.NOT_FOUND, assertThrows(GisException.class,
                () -> gis.features().history(gis.stranger, monument.id())).reason());
        assertEquals(Reason.NOT_FOUND, assertThrows(GisException.class,
                () -> gis.features().queryPublic(FeatureQuery.all(heritage.id()))).reason());
        assertEquals(1, gis.features().query(gis.viewer, FeatureQuery.all(heritage.id())).total());

        gis.layers().saveLayer(gis.admin, new Layer(heritage.id(), heritage.key(), heritage.groupId(), heritage.title(),
                heritage.geometryType(), heritage.attributes(), heritage.style(), null, Visibility.PUBLIC,
                heritage.metadata(), heritage.linkedLayerId(), heritage.version(), null, null));
        assertEquals("Колона Слави", gis.features().getPublic(monument.id()).orElseThrow().attributes().get("name"));
        assertEquals(1, gis.features().queryPublic(FeatureQuery.all(heritage.id())).items().size());
        assertEquals(Reason.FORBIDDEN, assertThrows(GisException.class, () -> gis.features().update(gis.stranger,
                monument.id(), monument.version(), new FeatureInput(B, Map.of("name", "Х")))).reason(),
                "seeing a public layer is not editing it");
    }
}
