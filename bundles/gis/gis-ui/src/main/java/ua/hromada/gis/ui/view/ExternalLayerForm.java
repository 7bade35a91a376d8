package ua.hromada.gis.ui.view;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;

import ua.hromada.gis.api.ExternalLayer;
import ua.hromada.gis.api.ExternalLayerKind;
import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.GisExternalLayers;
import ua.hromada.gis.api.LayerGroup;
import ua.hromada.gis.api.ServiceCapabilities;
import ua.hromada.gis.api.ServiceCapabilities.Entry;
import ua.hromada.gis.api.Visibility;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * An external layer: kind, key, title, address, the service's layers (typed, or picked from its
 * capabilities document read by {@link GisExternalLayers#capabilities}), format, style, WMTS tile
 * matrix set, attribution, opacity, group, visibility and whether the portal proxies it. Only the
 * fields the kind uses are shown; saved through {@link GisExternalLayers#save}, whose errors stand
 * at their fields.
 */
class ExternalLayerForm extends FormDialog<ExternalLayer> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ExternalLayerForm.class);
    /** What WMS services commonly draw; the capabilities list no formats per WMS layer. */
    private static final List<String> WMS_FORMATS = List.of("image/png", "image/jpeg");

    private final transient GisExternalLayers externals;
    private final transient PortalUser admin;
    private final transient ExternalLayer layer;
    private final RadioButtonGroup<ExternalLayerKind> kind = new RadioButtonGroup<>();
    private final TextField key = new TextField();
    private final TextField title = new TextField();
    private final TextField url = new TextField();
    private final Button read = new Button();
    private final CapabilitiesPicker picker = new CapabilitiesPicker(this::picked);
    private final TextField layerNames = new TextField();
    private final ComboBox<String> format = new ComboBox<>();
    private final ComboBox<String> style = new ComboBox<>();
    private final ComboBox<String> tileMatrixSet = new ComboBox<>();
    private final TextField attribution = new TextField();
    private final NumberField opacity = new NumberField();
    private final ComboBox<LayerGroup> group = new ComboBox<>();
    private final RadioButtonGroup<Visibility> visibility = new RadioButtonGroup<>();
    private final RadioButtonGroup<Boolean> proxied = new RadioButtonGroup<>();
    /** The title last taken from the service: it follows the picks until the administrator types another. */
    private String takenTitle;

    /** {@code layer} null = a new one; {@code groups} the layer tree's groups to file it under. */
    ExternalLayerForm(GisExternalLayers externals, PortalUser admin, ExternalLayer layer, List<LayerGroup> groups,
            Consumer<ExternalLayer> saved) {
        super("external", saved);
        this.externals = externals;
        this.admin = admin;
        this.layer = layer;
        setHeaderTitle(layer == null ? getTranslation("gis.ui.external.new")
                : getTranslation("gis.ui.external.edit", layer.title()));
        setWidth("min(60rem, 96vw)");
        ExternalLayer l = layer != null ? layer : new ExternalLayer(0, "", ExternalLayerKind.WMS, "", "", List.of(),
                WMS_FORMATS.get(0), null, null, null, 1, null, Visibility.EMPLOYEES, true, 0);

        register(kind, "kind", "gis.ui.external.kind");
        kind.setItems(ExternalLayerKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("gis.ui.external.kind." + k.name()));
        kind.setValue(l.kind());
        text(key, "key", "gis.ui.external.key", l.key());
        key.setHelperText(getTranslation("gis.ui.layer.keyHelp"));
        key.setReadOnly(layer != null);
        text(title, "title", "gis.ui.external.title", l.title());
        title.setRequiredIndicatorVisible(true);
        text(url, "url", "gis.ui.external.url", l.url());
        url.setRequiredIndicatorVisible(true);
        url.setWidthFull();
        read.setText(getTranslation("gis.ui.external.read"));
        read.setIcon(VaadinIcon.SEARCH.create());
        read.setId("external-read-capabilities");
        read.addClickListener(e -> readCapabilities());
        HorizontalLayout address = new HorizontalLayout(url, read);
        address.setWidthFull();
        address.setAlignItems(FlexComponent.Alignment.BASELINE);
        text(layerNames, "layerNames", "gis.ui.external.layerNames", String.join(", ", l.layerNames()));
        layerNames.setHelperText(getTranslation("gis.ui.external.layerNamesHelp"));
        choice(format, "format", "gis.ui.external.format", WMS_FORMATS, l.format());
        choice(style, "style", "gis.ui.external.style", List.of(), l.style());
        style.setHelperText(getTranslation("gis.ui.external.styleHelp"));
        choice(tileMatrixSet, "tileMatrixSet", "gis.ui.external.tileMatrixSet", List.of(), l.tileMatrixSet());
        text(attribution, "attribution", "gis.ui.external.attribution", l.attribution());
        attribution.setHelperText(getTranslation("gis.ui.external.attributionHelp"));
        register(opacity, "opacity", "gis.ui.external.opacity");
        opacity.setMin(0);
        opacity.setMax(1);
        opacity.setStep(0.1);
        opacity.setStepButtonsVisible(true);
        opacity.setValue(l.opacity());
        register(group, "groupId", "gis.ui.external.group");
        group.setItems(groups);
        group.setItemLabelGenerator(LayerGroup::title);
        group.setClearButtonVisible(true);
        group.setValue(groups.stream().filter(g -> Objects.equals(g.id(), l.groupId())).findFirst().orElse(null));
        register(visibility, "visibility", "gis.ui.external.visibility");
        visibility.setItems(Visibility.values());
        visibility.setItemLabelGenerator(v -> getTranslation("gis.ui.visibility." + v.name()));
        visibility.setValue(l.visibility());
        register(proxied, "proxied", "gis.ui.external.delivery");
        proxied.setItems(true, false);
        proxied.setItemLabelGenerator(p -> getTranslation(p ? "gis.ui.external.proxied" : "gis.ui.external.linked"));
        proxied.setValue(l.proxied());
        kind.addValueChangeListener(e -> kindChanged());
        kindChanged();

        FormLayout service = columns(2, key, title, layerNames, format, style, tileMatrixSet);
        FormLayout shown = columns(2, attribution, opacity, group, visibility, proxied);
        add(kind, address, picker, service, shown, formError);

        saveButtons(this::save);
    }

    /** A list to choose from that also takes a typed value (the service may offer what its document does not list). */
    private void choice(ComboBox<String> box, String name, String label, Collection<String> items, String value) {
        register(box, name, label);
        box.setAllowCustomValue(true);
        box.setClearButtonVisible(true);
        box.addCustomValueSetListener(e -> offer(box, box.getListDataView().getItems().toList(), e.getDetail()));
        offer(box, items, value);
    }

    /** Offers these items and the value (kept in the list so the box can show it). */
    private static void offer(ComboBox<String> box, Collection<String> items, String value) {
        Set<String> all = new LinkedHashSet<>(items);
        String v = value == null || value.isBlank() ? null : value.strip();
        if (v != null) {
            all.add(v);
        }
        box.setItems(List.copyOf(all));
        box.setValue(v);
    }

    /** Shows what the kind uses: XYZ is a bare tile template; only WMTS has tile matrix sets. */
    private void kindChanged() {
        ExternalLayerKind k = kind.getValue();
        boolean service = k != ExternalLayerKind.XYZ;
        read.setVisible(service);
        layerNames.setVisible(service);
        format.setVisible(service);
        style.setVisible(service);
        tileMatrixSet.setVisible(k == ExternalLayerKind.WMTS);
        url.setHelperText(getTranslation(service ? "gis.ui.external.urlHelp" : "gis.ui.external.urlHelpXyz"));
        picker.clear();
    }

    /** What the read button does: the service's layers listed, or why they could not be read at the address. */
    void readCapabilities() {
        url.setInvalid(false);
        try {
            ServiceCapabilities caps = externals.capabilities(admin, kind.getValue(), url.getValue().strip());
            picker.show(caps, names());
        } catch (GisException e) {
            picker.clear();
            url.setErrorMessage(GisUi.reason(this, e));
            url.setInvalid(true);
        } catch (RuntimeException e) {
            picker.clear();
            url.setErrorMessage(getTranslation("gis.ui.failed", UiSupport.logFailure(LOG, "Reading capabilities failed", e)));
            url.setInvalid(true);
        }
    }

    /** Fills the fields from the layers picked in the capabilities list. */
    private void picked(List<Entry> entries) {
        layerNames.setValue(String.join(", ", entries.stream().map(Entry::name).toList()));
        if (entries.isEmpty()) {
            return;
        }
        Entry first = entries.get(0);
        if (first.title() != null && (title.getValue().isBlank() || title.getValue().equals(takenTitle))) {
            takenTitle = first.title();
            title.setValue(takenTitle);
        }
        offer(style, first.styles(), offered(first.styles(), style.getValue()) ? style.getValue() : null);
        if (kind.getValue() == ExternalLayerKind.WMTS) {
            offer(tileMatrixSet, first.tileMatrixSets(), picker.preferredSet(first));
            if (!first.formats().isEmpty()) {
                offer(format, first.formats(), offered(first.formats(), format.getValue()) ? format.getValue()
                        : first.formats().get(0));
            }
        }
    }

    private static boolean offered(List<String> items, String value) {
        return value != null && items.contains(value);
    }

    private List<String> names() {
        return Arrays.stream(layerNames.getValue().split(",")).map(String::strip).filter(n -> !n.isEmpty()).toList();
    }

    private ExternalLayer value() {
        ExternalLayerKind k = kind.getValue();
        boolean service = k != ExternalLayerKind.XYZ;
        return new ExternalLayer(layer == null ? 0 : layer.id(), key.getValue().strip(), k, title.getValue().strip(),
                url.getValue().strip(), service ? names() : List.of(), service ? format.getValue() : null,
                service ? style.getValue() : null, k == ExternalLayerKind.WMTS ? tileMatrixSet.getValue() : null,
                blank(attribution.getValue()), opacity.getValue() == null ? Double.NaN : opacity.getValue(),
                group.getValue() == null ? null : group.getValue().id(), visibility.getValue(),
                Boolean.TRUE.equals(proxied.getValue()), layer == null ? 0 : layer.version());
    }

    /** What the save button (and Enter) does. */
    void save() {
        save(() -> externals.save(admin, value()), "Saving an external layer failed");
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
