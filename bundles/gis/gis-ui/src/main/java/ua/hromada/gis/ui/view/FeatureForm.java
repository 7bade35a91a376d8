package ua.hromada.gis.ui.view;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;


import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import ua.hromada.gis.api.AttributeDefinition;
import ua.hromada.gis.api.FeatureInput;
import ua.hromada.gis.api.GeometryType;
import ua.hromada.gis.api.GisFeature;
import ua.hromada.gis.api.GisFeatures;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.api.ValidationError;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * An object's form generated from its layer's schema: one field per attribute (text, number, date
 * or a list of choices), required ones marked; a point's longitude and latitude (WGS 84); other
 * geometries (an object's, or one just drawn on the map) shown as GeoJSON text. The service checks the values, its errors stand at their fields.
 */
class FeatureForm extends FormDialog<GisFeature> {
    private static final long serialVersionUID = 1L;

    private final transient GisFeatures features;
    private final transient PortalUser user;
    private final transient Layer layer;
    private final transient GisFeature feature;
    private final Map<String, HasValue<?, ?>> fields = new LinkedHashMap<>();
    private final NumberField lon = new NumberField();
    private final NumberField lat = new NumberField();
    /** A new object's geometry drawn on the map (GeoJSON), or null. */
    private final String drawn;

    /** {@code feature} null = a new point; {@code editable} false = read only. */
    FeatureForm(GisFeatures features, PortalUser user, Layer layer, GisFeature feature, boolean editable,
            Consumer<GisFeature> saved) {
        this(features, user, layer, feature, null, editable, saved);
    }

    /** A new object of {@code layer} whose geometry was drawn on the map: its attributes are asked for. */
    static FeatureForm drawn(GisFeatures features, PortalUser user, Layer layer, String geometry, Consumer<GisFeature> saved) {
        return new FeatureForm(features, user, layer, null, geometry, true, saved);
    }

    private FeatureForm(GisFeatures features, PortalUser user, Layer layer, GisFeature feature, String drawn,
            boolean editable, Consumer<GisFeature> saved) {
        super("gis-feature", saved);
        this.features = features;
        this.user = user;
        this.layer = layer;
        this.feature = feature;
        this.drawn = drawn;
        setHeaderTitle(feature == null ? getTranslation("gis.ui.feature.new", layer.title())
                : getTranslation("gis.ui.feature.edit", feature.id(), layer.title()));
        setWidth("min(46rem, 95vw)");
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        for (AttributeDefinition a : layer.attributes()) {
            HasValue<?, ?> field = field(a);
            Object stored = feature == null ? null : feature.attributes().get(a.name());
            set(field, AttributeValues.toField(a.type(), stored));
            field.setReadOnly(!editable);
            fields.put(a.name(), field);
            form.add((com.vaadin.flow.component.Component) field);
        }
        String geometryShown = feature == null ? drawn : feature.geometry();
        double[] point = AttributeValues.lonLat(geometryShown);
        if (layer.geometryType() == GeometryType.POINT || point != null) {
            lon.setLabel(getTranslation("gis.ui.feature.lon"));
            lat.setLabel(getTranslation("gis.ui.feature.lat"));
            lon.setId("gis-feature-lon");
            lat.setId("gis-feature-lat");
            lon.setRequiredIndicatorVisible(true);
            lat.setRequiredIndicatorVisible(true);
            if (point != null) {
                lon.setValue(point[0]);
                lat.setValue(point[1]);
            }
            lon.setReadOnly(!editable);
            lat.setReadOnly(!editable);
            form.add(lon, lat);
        } else if (geometryShown != null) {
            TextArea geometry = new TextArea(getTranslation("gis.ui.feature.geometry"));
            geometry.setId("gis-feature-geometry");
            geometry.setValue(geometryShown);
            geometry.setReadOnly(true);
            geometry.setMaxHeight("10rem");
            form.add(geometry, 2);
        }
        add(form, formError);
        Button cancel = new Button(getTranslation(editable ? "gis.ui.cancel" : "gis.ui.close"), e -> close());
        cancel.setId("gis-feature-cancel");
        if (editable) {
            Button save = new Button(getTranslation("gis.ui.save"), e -> save());
            save.setId("gis-feature-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.addClickShortcut(Key.ENTER).listenOn(this);
            getFooter().add(cancel, save);
        } else {
            getFooter().add(cancel);
        }
    }

    private HasValue<?, ?> field(AttributeDefinition a) {
        HasValue<?, ?> field = switch (a.type()) {
            case NUMBER -> new NumberField(a.label());
            case DATE -> {
                DatePicker picker = new DatePicker(a.label());
                UiSupport.localise(picker);
                yield picker;
            }
            case CHOICE -> {
                ComboBox<String> box = new ComboBox<>(a.label());
                box.setItems(a.choices());
                box.setClearButtonVisible(true);
                yield box;
            }
            case TEXT -> {
                TextField text = new TextField(a.label());
                text.setMaxLength(a.textLimit());
                yield text;
            }
        };
        field.setRequiredIndicatorVisible(a.required());
        ((com.vaadin.flow.component.Component) field).setId("gis-attr-" + a.name());
        return field;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void set(HasValue field, Object value) {
        if (value == null) {
            field.clear();
        } else {
            field.setValue(value);
        }
    }

    private FeatureInput input() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (AttributeDefinition a : layer.attributes()) {
            HasValue<?, ?> f = fields.get(a.name());
            values.put(a.name(), AttributeValues.fromField(a.type(), f.isEmpty() ? null : f.getValue()));
        }
        String geometry;
        if (lon.getLabel() != null) {
            geometry = lon.getValue() == null || lat.getValue() == null ? null
                    : AttributeValues.point(lon.getValue(), lat.getValue());
        } else {
            geometry = feature == null ? drawn : feature.geometry();
        }
        return new FeatureInput(geometry, values);
    }

    /** What the save button (and Enter) does. */
    void save() {
        save(() -> feature == null ? features.create(user, layer.id(), input())
                : features.update(user, feature.id(), feature.version(), input()), "Saving a GIS object failed");
    }

    @Override
    protected boolean placeAtField(ValidationError v, String message) {
        HasValue<?, ?> f = ValidationError.GEOMETRY.equals(v.field()) && lon.getLabel() != null ? lon : fields.get(v.field());
        if (f instanceof HasValidationProperties hv) {
            hv.setInvalid(true);
            hv.setErrorMessage(message);
            return true;
        }
        return false;
    }

    @Override
    protected void clearFieldErrors() {
        for (HasValue<?, ?> f : fields.values()) {
            if (f instanceof HasValidationProperties hv) {
                hv.setInvalid(false);
            }
        }
        lon.setInvalid(false);
        lat.setInvalid(false);
    }
}
