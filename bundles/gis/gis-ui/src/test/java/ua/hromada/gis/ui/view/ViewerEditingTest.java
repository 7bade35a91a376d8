package ua.hromada.gis.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import ua.hromada.gis.api.FeatureInput;
import ua.hromada.gis.api.FeatureQuery;
import ua.hromada.gis.api.GisFeature;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.service.GisTestSetup;
import ua.hromada.portal.api.map.GeoPoint;
import ua.hromada.portal.ui.map.GeometryEditEvent;
import ua.hromada.portal.ui.map.LayerFeatureClickEvent;
import ua.hromada.portal.ui.map.PortalMap;

/**
 * Drawing and editing objects on the viewer's map, on the real services: the layers offered are the
 * ones the person may edit; a drawn shape becomes an object once its attributes are given; a changed
 * shape is saved with the attributes kept; a shape the layer cannot hold is refused at the form;
 * delete from the identify panel. (The browser side of the drawing is the shared map's, tested by
 * the platform's e2e; the GIS e2e draws an object end to end.)
 */
class ViewerEditingTest extends ViewerTest {
    private static final String ZONE = "{\"type\":\"Polygon\",\"coordinates\":[[[34.55,49.59],[34.56,49.59],[34.56,49.6],[34.55,49.59]]]}";
    private static final String MOVED = "{\"type\":\"Polygon\",\"coordinates\":[[[34.54,49.58],[34.56,49.59],[34.56,49.6],[34.54,49.58]]]}";
    private static final String LINE = "{\"type\":\"LineString\",\"coordinates\":[[34.55,49.59],[34.56,49.6]]}";

    /** The shipped signage layer given to the advertising unit: not the culture editor's. */
    private void signageOfTheAdvertisingUnit() {
        Layer signage = gis.layer("signage");
        gis.layers().saveLayer(gis.admin, new Layer(signage.id(), signage.key(), signage.groupId(), signage.title(),
                signage.geometryType(), signage.attributes(), signage.style(), GisTestSetup.ADVERTISING,
                signage.visibility(), signage.metadata(), signage.linkedLayerId(), signage.version(), signage.createdAt(),
                signage.updatedAt()));
    }

    @Test
    void aPolygonDrawnOnTheMapBecomesAnObjectOnceItsAttributesAreGiven() {
        signageOfTheAdvertisingUnit();
        MapViewerView view = new MapViewerView(services(), settings, gis.editor);
        ViewerEditing editing = get(view, "gis-viewer-editing");
        assertTrue(editing.isVisible());
        ComboBox<Layer> layer = get(view, "gis-viewer-edit-layer");
        // the editor of the culture unit: the heritage layers, not the advertising unit's signage
        assertEquals(List.of("heritage", "heritage-zones"),
                layer.getListDataView().getItems().map(Layer::key).sorted().toList());
        Layer zones = gis.layer("heritage-zones");
        PortalMap map = get(view, "gis-viewer-map");
        layer.setValue(zones);
        assertEquals(Optional.of(ViewerLayers.id(zones)), map.getEditableLayerId());
        assertTrue(((Component) get(view, "gis-viewer-edit-hint")).isVisible());

        FeatureForm form = editing.edited(new GeometryEditEvent(map, true, ViewerLayers.id(zones), null, ZONE));
        assertNotNull(form, "a drawn shape asks for the object's attributes");
        assertEquals(ZONE, ((TextArea) get(form, "gis-feature-geometry")).getValue());
        form.save();
        assertTrue(((TextField) get(form, "gis-attr-name")).isInvalid(), "the required name is asked for");
        assertEquals(0, gis.features().count(gis.editor, FeatureQuery.all(zones.id())), "nothing saved yet");
        ((TextField) get(form, "gis-attr-name")).setValue("Охоронна зона Хрестовоздвиженського монастиря");
        ((TextField) get(form, "gis-attr-zone_type")).setValue("охоронна зона");
        form.save();
        List<GisFeature> stored = gis.features().query(gis.editor, FeatureQuery.all(zones.id())).items();
        assertEquals(1, stored.size());
        assertEquals("охоронна зона", stored.get(0).attributes().get("zone_type"));
        assertTrue(stored.get(0).geometry().contains("\"Polygon\""), stored.get(0).geometry());

        layer.clear();
        assertEquals(Optional.empty(), map.getEditableLayerId(), "clearing the layer ends drawing");
        assertNull(editing.edited(new GeometryEditEvent(map, true, ViewerLayers.id(zones), null, null)),
                "a cancelled drawing opens nothing");
    }

    @Test
    void aShapeTheLayerCannotHoldIsRefusedAtTheFormAndNothingIsSaved() {
        MapViewerView view = new MapViewerView(services(), settings, gis.editor);
        ViewerEditing editing = get(view, "gis-viewer-editing");
        PortalMap map = get(view, "gis-viewer-map");
        Layer zones = gis.layer("heritage-zones");
        FeatureForm form = editing.edited(new GeometryEditEvent(map, true, ViewerLayers.id(zones), null, LINE));
        ((TextField) get(form, "gis-attr-name")).setValue("Лінія замість зони");
        form.save();
        String error = ((Paragraph) get(form, "gis-feature-form-error")).getText();
        assertTrue(error.contains("gis.error.geometryType"), error);
        assertEquals(0, gis.features().count(gis.editor, FeatureQuery.all(zones.id())));
    }

    @Test
    void aChangedShapeIsSavedWithTheAttributesKeptAndTheObjectCanBeDeletedFromIdentify() {
        Layer zones = gis.layer("heritage-zones");
        GisFeature zone = gis.features().create(gis.editor, zones.id(), new FeatureInput(ZONE,
                Map.of("name", "Зона Корпусного саду", "zone_type", "зона регулювання забудови", "heritage_number", "1-Пл")));
        MapViewerView view = new MapViewerView(services(), settings, gis.editor);
        ViewerEditing editing = get(view, "gis-viewer-editing");
        PortalMap map = get(view, "gis-viewer-map");
        ComponentUtil.fireEvent(map, new LayerFeatureClickEvent(map, ViewerLayers.id(zones), Long.toString(zone.id()),
                new GeoPoint(49.595, 34.555)));
        Button shape = get(view, "gis-viewer-identify-shape");
        shape.click();
        assertEquals(Optional.of(ViewerLayers.id(zones)), map.getEditableLayerId(), "the object's layer is made editable");

        ComponentUtil.fireEvent(map, new GeometryEditEvent(map, true, ViewerLayers.id(zones), Long.toString(zone.id()), MOVED));
        GisFeature after = gis.features().get(gis.editor, zone.id()).orElseThrow();
        assertTrue(after.geometry().contains("34.54"), after.geometry());
        assertEquals(zone.attributes(), after.attributes(), "the attributes stay as they were");
        assertEquals(zone.version() + 1, after.version());
        assertTrue(gis.features().history(gis.editor, zone.id()).size() >= 2, "the change is in the object's history");

        assertTrue(find(view, "gis-viewer-identify-delete").isPresent());
        editing.delete(zones, after);
        assertEquals(0, gis.features().count(gis.editor, FeatureQuery.all(zones.id())));
        assertFalse(((Component) get(view, "gis-viewer-identify")).isVisible(), "identify closes with the object");
    }

    @Test
    void theObjectsPageLeadsToDrawingInItsLayerWhichOnlyItsEditorsGet() {
        signageOfTheAdvertisingUnit();
        MapViewerView view = new MapViewerView(services(), settings, gis.editor);
        ViewerEditing editing = get(view, "gis-viewer-editing");
        PortalMap map = get(view, "gis-viewer-map");
        editing.choose("signage");
        assertEquals(Optional.empty(), map.getEditableLayerId(), "not a layer of the editor's unit");
        editing.choose("heritage-zones");
        assertEquals(Optional.of("gis.heritage-zones"), map.getEditableLayerId());
    }

    @Test
    void aReaderHasNoDrawingToolsAndNoShapeOrDeleteButtons() {
        Layer zones = gis.layer("heritage-zones");
        GisFeature zone = gis.features().create(gis.editor, zones.id(), new FeatureInput(ZONE, Map.of("name", "Зона")));
        MapViewerView view = new MapViewerView(services(), settings, gis.viewer);
        assertFalse(((Component) get(view, "gis-viewer-editing")).isVisible());
        PortalMap map = get(view, "gis-viewer-map");
        ComponentUtil.fireEvent(map, new LayerFeatureClickEvent(map, ViewerLayers.id(zones), Long.toString(zone.id()),
                new GeoPoint(49.595, 34.555)));
        assertTrue(find(view, "gis-viewer-identify-open").isPresent());
        assertFalse(find(view, "gis-viewer-identify-shape").isPresent());
        assertFalse(find(view, "gis-viewer-identify-delete").isPresent());
    }
}
