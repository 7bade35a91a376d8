package ua.hromada.gis.ui.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;


import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.select.Select;
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

    /** {@code layer} null = a new layer; {@code units} the portal's role names to pick the owner from. */
    LayerForm(GisLayers layers, PortalUser admin, Layer layer, List<LayerGroup> groups, List<Layer> others,
            List<String> units, Consumer<Layer> saved) {
        super("gis-layer", saved);
        this.layers = layers;
        this.admin = admin;
        this.layer = layer;
        setHeaderTitle(layer == null ? getTranslation("gis.ui.layer.new") : getTranslation("gis.ui.layer.edit", layer.title()));
        setWidth("min(70rem, 96vw)");
        Layer l = layer != null ? layer : Layer.create("", null, "", GeometryType.POINT, List.of());

        text(key, "key", "gis.ui.layer.key", l.key());
        key.setHelperText(getTranslation("gis.ui.layer.keyHelp"));
        key.setReadOnly(layer != null);
        text(title, "title", "gis.ui.layer.title", l.title());
        title.setRequiredIndicatorVisible(true);
        register(group, "groupId", "gis.ui.layer.group");
        group.setItems(groups);
        group.setItemLabelGenerator(LayerGroup::title);
        group.setClearButtonVisible(true);
        group.setValue(groups.stream().filter(g -> Objects.equals(g.id(), l.groupId())).findFirst().orElse(null));
        register(geometry, "geometryType", "gis.ui.layer.geometry");
        geometry.setItems(GeometryType.values());
        geometry.setItemLabelGenerator(g -> getTranslation("gis.ui.geometry." + g.name()));
        geometry.setValue(l.geometryType());
        register(owner, "ownerUnit", "gis.ui.layer.owner");
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
        register(visibility, "visibility", "gis.ui.layer.visibility");
        visibility.setItems(Visibility.values());
        visibility.setItemLabelGenerator(v -> getTranslation("gis.ui.visibility." + v.name()));
        visibility.setValue(l.visibility());
        register(linked, "linkedLayerId", "gis.ui.layer.linked");
        linked.setItems(others.stream().filter(o -> layer == null || o.id() != layer.id()).toList());
        linked.setItemLabelGenerator(Layer::title);
        linked.setClearButtonVisible(true);
        linked.setValue(others.stream().filter(o -> Objects.equals(o.id(), l.linkedLayerId())).findFirst().orElse(null));

        LayerMetadata m = l.metadata();
        text(source, "source", "gis.ui.layer.source", m.source());
        register(sourceDate, "sourceDate", "gis.ui.layer.sourceDate");
        UiSupport.localise(sourceDate);
        sourceDate.setValue(m.sourceDate());
        text(licence, "licence", "gis.ui.layer.licence", m.licence());
        text(frequency, "updateFrequency", "gis.ui.layer.frequency", m.updateFrequency());

        LayerStyle s = l.style();
        text(color, "style.color", "gis.ui.style.color", s.color());
        text(strokeColor, "style.strokeColor", "gis.ui.style.strokeColor", s.strokeColor());
        register(strokeWidth, "style.strokeWidth", "gis.ui.style.strokeWidth");
        strokeWidth.setValue(s.strokeWidth());
        strokeWidth.setMin(0);
        strokeWidth.setMax(20);
        text(fillColor, "style.fillColor", "gis.ui.style.fillColor", s.fillColor());
        register(fillOpacity, "style.fillOpacity", "gis.ui.style.fillOpacity");
        fillOpacity.setValue(s.fillOpacity());
        fillOpacity.setMin(0);
        fillOpacity.setMax(1);
        fillOpacity.setStep(0.1);
        register(marker, "style.marker", "gis.ui.style.marker");
        marker.setItems(MarkerShape.values());
        marker.setItemLabelGenerator(v -> getTranslation("gis.ui.marker." + v.name()));
        marker.setValue(s.marker());
        text(icon, "style.icon", "gis.ui.style.icon", s.icon());
        schema = new SchemaEditor(l.attributes());
        register(byAttribute, "style.byAttribute", "gis.ui.style.byAttribute");
        byAttribute.setClearButtonVisible(true);
        byAttribute.setItems(schema.choiceNames());
        byAttribute.setValue(s.byAttribute());
        byAttribute.addFocusListener(e -> {
            String v = byAttribute.getValue();
            byAttribute.setItems(schema.choiceNames());
            byAttribute.setValue(v);
        });
        register(valueColors, "style.valueColors", "gis.ui.style.valueColors");
        valueColors.setHelperText(getTranslation("gis.ui.style.valueColorsHelp"));
        valueColors.setValue(AttributeValues.valueColorsText(s.valueColors()));

        FormLayout main = columns(3, key, title, group, geometry, owner, visibility, linked);
        FormLayout meta = columns(3, source, sourceDate, licence, frequency);
        FormLayout style = columns(3, color, strokeColor, strokeWidth, fillColor, fillOpacity, marker, icon, byAttribute);
        style.add(valueColors, 3);
        add(main, new H4(getTranslation("gis.ui.layer.metadata")), meta, new H4(getTranslation("gis.ui.layer.style")),
                style, new H4(getTranslation("gis.ui.layer.schema")), schema, formError);

        saveButtons(this::save);
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
        return super.placeAtField(v, message);
    }

    @Override
    protected void clearFieldErrors() {
        super.clearFieldErrors();
        schema.clearErrors();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
