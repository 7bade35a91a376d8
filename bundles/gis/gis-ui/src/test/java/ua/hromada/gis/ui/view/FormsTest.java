package ua.hromada.gis.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;

import ua.hromada.gis.api.FeatureQuery;
import ua.hromada.gis.api.GisFeature;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.service.GisTestSetup;

/**
 * The generated forms on the real services: fields from the schema, the service's errors at their
 * fields, a valid form saved. (Texts are keys here: the tests run without the portal's translations.)
 */
class FormsTest {
    private final GisTestSetup gis = new GisTestSetup();
    private final UI ui = new UI();

    FormsTest() {
        UI.setCurrent(ui);
    }

    @AfterEach
    void close() {
        UI.setCurrent(null);
        gis.close();
    }

    @SuppressWarnings("unchecked")
    private static <T extends Component> T find(Component root, String id) {
        return (T) all(root).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst()
                .orElseThrow(() -> new AssertionError("no component " + id));
    }

    private static Stream<Component> all(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(FormsTest::all));
    }

    @Test
    void anObjectFormHasAFieldPerAttributeAndTheServicesErrorsStandAtThem() {
        Layer heritage = gis.layer("heritage");
        AtomicReference<GisFeature> saved = new AtomicReference<>();
        FeatureForm form = new FeatureForm(gis.features(), gis.editor, heritage, null, true, saved::set);
        TextField name = find(form, "gis-attr-name");
        ComboBox<String> category = find(form, "gis-attr-category");
        NumberField lon = find(form, "gis-feature-lon");
        NumberField lat = find(form, "gis-feature-lat");
        assertTrue(name.isRequiredIndicatorVisible(), "name is required in the schema");
        assertFalse(category.isRequiredIndicatorVisible());
        assertEquals(List.of("національного значення", "місцевого значення", "щойно виявлений"),
                category.getListDataView().getItems().toList());

        form.save();
        assertNull(saved.get(), "nothing saved");
        assertTrue(name.isInvalid(), "the required name is marked");
        assertTrue(name.getErrorMessage().contains("gis.error.required"), name.getErrorMessage());
        assertTrue(lon.isInvalid(), "the missing point is marked at the longitude");

        name.setValue("Ротонда");
        category.setValue("місцевого значення");
        lon.setValue(34.5514);
        lat.setValue(49.5883);
        form.save();
        assertNotNull(saved.get());
        assertFalse(name.isInvalid());
        GisFeature f = gis.features().get(gis.editor, saved.get().id()).orElseThrow();
        assertEquals("Ротонда", f.attributes().get("name"));
        assertEquals("місцевого значення", f.attributes().get("category"));
        assertEquals(1, gis.features().count(gis.editor, FeatureQuery.all(heritage.id())));

        FeatureForm readOnly = new FeatureForm(gis.features(), gis.viewer, heritage, f, false, x -> { });
        TextField shown = find(readOnly, "gis-attr-name");
        assertEquals("Ротонда", shown.getValue());
        assertTrue(shown.isReadOnly());
        assertEquals(34.5514, ((NumberField) find(readOnly, "gis-feature-lon")).getValue(), 1e-9);
        assertTrue(((ComboBox<?>) find(readOnly, "gis-attr-category")).isReadOnly());
    }

    @Test
    void aLayerFormShowsTheRegistrysErrorsAtTheKeyAndTheSchemaRow() {
        AtomicReference<Layer> saved = new AtomicReference<>();
        LayerForm form = new LayerForm(gis.layers(), gis.admin, null, gis.layers().groups(gis.admin),
                gis.layers().layers(gis.admin), List.of(GisTestSetup.CULTURE), saved::set);
        TextField key = find(form, "gis-layer-key");
        TextField title = find(form, "gis-layer-title");
        key.setValue("Погано!");
        title.setValue("Дерева");
        ((Button) find(form, "gis-schema-add")).click();
        TextField attrName = find(form, "gis-schema-name-0");
        attrName.setValue("1bad");
        form.save();
        assertNull(saved.get());
        assertTrue(key.isInvalid());
        assertTrue(attrName.isInvalid(), "the schema row's name is marked");

        key.setValue("trees");
        attrName.setValue("species");
        ((TextField) find(form, "gis-schema-label-0")).setValue("Порода");
        form.save();
        assertNotNull(saved.get(), "saved once valid");
        Layer trees = gis.layers().findByKey(gis.admin, "trees").orElseThrow();
        assertEquals("Дерева", trees.title());
        assertEquals("species", trees.attributes().get(0).name());
    }
}
