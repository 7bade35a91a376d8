package ua.hromada.gis.ui.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;


import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;

import ua.hromada.gis.api.GeometryType;
import ua.hromada.gis.api.GisLayers;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.api.LayerGroup;
import ua.hromada.gis.api.LayerMetadata;
import ua.hromada.gis.api.LayerStyle;
import ua.hromada.gis.api.MarkerShape;
import ua.hromada.gis.api.ValidationError;
import ua.hromada.gis.api.Visibility;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * A layer of the registry: key, title, group, geometry type, owner unit (a portal role), visibility,
 * metadata, linked layer, style and the attribute schema. Saved through {@link GisLayers#saveLayer};
 * its errors stand at their fields.
 */
class LayerForm extends FormDialog<Layer> {
    private static final long serialVersionUID = 1L;

    private final transient GisLayers layers;
    private final transient PortalUser admin;
    private final transient Layer layer;
    private final TextField key = new TextField();
    private final TextField title = new TextField();
    private final ComboBox<LayerGroup> group = new ComboBox<>();
    private final Select<GeometryType> geometry = new Select<>();
    private final ComboBox<String> owner = new ComboBox<>();
    private final Select<Visibility> visibility = new Select<>();
    private final ComboBox<Layer> linked = new ComboBox<>();
    private final TextField source = new TextField();
    private final DatePicker sourceDate = new DatePicker();
    private final TextField licence = new TextField();
    private final TextField frequency = new TextField();
    private final TextField color = new TextField();
    private final TextField strokeColor = new TextField();
    private final NumberField strokeWidth = new NumberField();
    private final TextField fillColor = new TextField();
    private final NumberField fillOpacity = new NumberField();
    private final Select<MarkerShape> marker = new Select<>();
    private final TextField icon = new TextField();
    private final ComboBox<String> byAttribute = new ComboBox<>();
    private final TextField valueColors = new TextField();
    private final SchemaEditor schema;
    private final Map<String, HasValidationProperties> byField = new HashMap<>();

    /** {@code layer} null = a new layer; {@code units} the portal's role names to pick the owner from. */
    LayerForm(GisLayers layers, PortalUser admin, Layer layer, List<LayerGroup> groups, List<Layer> others,
            List<String> units, Consumer<Layer> saved) {
        super("gis-layer-form-error", saved);
        this.layers = layers;
        this.admin = admin;
        this.layer = layer;
        setId("gis-layer-form");
        setHeaderTitle(layer == null ? getTranslation("gis.ui.layer.new") : getTranslation("gis.ui.layer.edit", layer.title()));
        setWidth("min(70rem, 96vw)");
        Layer l = layer != null ? layer : Layer.create("", null, "", GeometryType.POINT, List.of());

        field(key, "key", "gis.ui.layer.key", l.key());
        key.setHelperText(getTranslation("gis.ui.layer.keyHelp"));
        key.setReadOnly(layer != null);
        field(title, "title", "gis.ui.layer.title", l.title());
        title.setRequiredIndicatorVisible(true);
        setup(group, "groupId", "gis.ui.layer.group");
        group.setItems(groups);
        group.setItemLabelGenerator(LayerGroup::title);
        group.setClearButtonVisible(true);
        group.setValue(groups.stream().filter(g -> Objects.equals(g.id(), l.groupId())).findFirst().orElse(null));
        setup(geometry, "geometryType", "gis.ui.layer.geometry");
        geometry.setItems(GeometryType.values());
        geometry.setItemLabelGenerator(g -> getTranslation("gis.ui.geometry." + g.name()));
        geometry.setValue(l.geometryType());
        setup(owner, "ownerUnit", "gis.ui.layer.owner");
        owner.setItems(units);
        owner.setAllowCustomValue(true);
        owner.addCustomValueSetListener(e -> owner.setValue(e.getDetail()));
        owner.setClearButtonVisible(true);
        owner.setHelperText(getTranslation("gis.ui.layer.ownerHelp"));
        if (l.ownerUnit() != null && !units.contains(l.ownerUnit())) {
            List<String> all = new ArrayList<>(units);
            all.add(l.ownerUnit());
            owner.setItems(all);
        }
        owner.setValue(l.ownerUnit());
        setup(visibility, "visibility", "gis.ui.layer.visibility");
        visibility.setItems(Visibility.values());
        visibility.setItemLabelGenerator(v -> getTranslation("gis.ui.visibility." + v.name()));
        visibility.setValue(l.visibility());
        setup(linked, "linkedLayerId", "gis.ui.layer.linked");
        linked.setItems(others.stream().filter(o -> layer == null || o.id() != layer.id()).toList());
        linked.setItemLabelGenerator(Layer::title);
        linked.setClearButtonVisible(true);
        linked.setValue(others.stream().filter(o -> Objects.equals(o.id(), l.linkedLayerId())).findFirst().orElse(null));

        LayerMetadata m = l.metadata();
        field(source, "source", "gis.ui.layer.source", m.source());
        setup(sourceDate, "sourceDate", "gis.ui.layer.sourceDate");
        UiSupport.localise(sourceDate);
        sourceDate.setValue(m.sourceDate());
        field(licence, "licence", "gis.ui.layer.licence", m.licence());
        field(frequency, "updateFrequency", "gis.ui.layer.frequency", m.updateFrequency());

        LayerStyle s = l.style();
        field(color, "style.color", "gis.ui.style.color", s.color());
        field(strokeColor, "style.strokeColor", "gis.ui.style.strokeColor", s.strokeColor());
        setup(strokeWidth, "style.strokeWidth", "gis.ui.style.strokeWidth");
        strokeWidth.setValue(s.strokeWidth());
        strokeWidth.setMin(0);
        strokeWidth.setMax(20);
        field(fillColor, "style.fillColor", "gis.ui.style.fillColor", s.fillColor());
        setup(fillOpacity, "style.fillOpacity", "gis.ui.style.fillOpacity");
        fillOpacity.setValue(s.fillOpacity());
        fillOpacity.setMin(0);
        fillOpacity.setMax(1);
        fillOpacity.setStep(0.1);
        setup(marker, "style.marker", "gis.ui.style.marker");
        marker.setItems(MarkerShape.values());
        marker.setItemLabelGenerator(v -> getTranslation("gis.ui.marker." + v.name()));
        marker.setValue(s.marker());
        field(icon, "style.icon", "gis.ui.style.icon", s.icon());
        schema = new SchemaEditor(l.attributes());
        setup(byAttribute, "style.byAttribute", "gis.ui.style.byAttribute");
        byAttribute.setClearButtonVisible(true);
        byAttribute.setItems(schema.choiceNames());
        byAttribute.setValue(s.byAttribute());
        byAttribute.addFocusListener(e -> {
            String v = byAttribute.getValue();
            byAttribute.setItems(schema.choiceNames());
            byAttribute.setValue(v);
        });
        setup(valueColors, "style.valueColors", "gis.ui.style.valueColors");
        valueColors.setHelperText(getTranslation("gis.ui.style.valueColorsHelp"));
        valueColors.setValue(AttributeValues.valueColorsText(s.valueColors()));

        FormLayout main = form(key, title, group, geometry, owner, visibility, linked);
        FormLayout meta = form(source, sourceDate, licence, frequency);
        FormLayout style = form(color, strokeColor, strokeWidth, fillColor, fillOpacity, marker, icon, byAttribute);
        style.add(valueColors, 3);
        add(main, new H4(getTranslation("gis.ui.layer.metadata")), meta, new H4(getTranslation("gis.ui.layer.style")),
                style, new H4(getTranslation("gis.ui.layer.schema")), schema, formError);

        Button cancel = new Button(getTranslation("gis.ui.cancel"), e -> close());
        cancel.setId("gis-layer-cancel");
        Button save = new Button(getTranslation("gis.ui.save"), e -> save());
        save.setId("gis-layer-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER).listenOn(this);
        getFooter().add(cancel, save);
    }

    private static FormLayout form(com.vaadin.flow.component.Component... fields) {
        FormLayout f = new FormLayout(fields);
        f.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2),
                new FormLayout.ResponsiveStep("50rem", 3));
        return f;
    }

    private void field(TextField f, String name, String label, String value) {
        setup(f, name, label);
        f.setValue(value == null ? "" : value);
    }

    private <C extends com.vaadin.flow.component.Component & com.vaadin.flow.component.HasLabel> void setup(C f,
            String name, String label) {
        f.setLabel(getTranslation(label));
        f.setId("gis-layer-" + name.replace('.', '-'));
        if (f instanceof HasValidationProperties v) {
            byField.put(name, v);
        }
    }

    private Layer value() {
        Map<String, String> colors = AttributeValues.valueColors(valueColors.getValue());
        LayerStyle style = new LayerStyle(blank(color.getValue()), blank(strokeColor.getValue()),
                strokeWidth.getValue() == null ? 0 : strokeWidth.getValue(), blank(fillColor.getValue()),
                fillOpacity.getValue() == null ? 0 : fillOpacity.getValue(), marker.getValue(), blank(icon.getValue()),
                byAttribute.getValue(), byAttribute.getValue() == null ? Map.of() : colors);
        LayerMetadata meta = new LayerMetadata(blank(source.getValue()), sourceDate.getValue(), blank(licence.getValue()),
                blank(frequency.getValue()));
        return new Layer(layer == null ? 0 : layer.id(), key.getValue().strip(),
                group.getValue() == null ? null : group.getValue().id(), title.getValue().strip(), geometry.getValue(),
                schema.value(), style, blank(owner.getValue()), visibility.getValue(), meta,
                linked.getValue() == null ? null : linked.getValue().id(), layer == null ? 0 : layer.version(),
                layer == null ? null : layer.createdAt(), layer == null ? null : layer.updatedAt());
    }

    /** What the save button (and Enter) does. */
    void save() {
        save(() -> layers.saveLayer(admin, value()), "Saving a GIS layer failed");
    }

    @Override
    protected boolean placeAtField(ValidationError v, String message) {
        String f = v.field() == null ? "" : v.field();
        if (f.startsWith("attributes[")) {
            schema.error(Integer.parseInt(f.substring("attributes[".length(), f.indexOf(']'))), message);
            return true;
        }
        HasValidationProperties target = byField.get(f);
        if (target == null) {
            return false;
        }
        target.setInvalid(true);
        target.setErrorMessage(message);
        return true;
    }

    @Override
    protected void clearFieldErrors() {
        byField.values().forEach(v -> v.setInvalid(false));
        schema.clearErrors();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
