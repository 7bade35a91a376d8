package ua.hromada.gis.ui.view;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.dom.Element;

import ua.hromada.gis.api.ExternalLayer;
import ua.hromada.gis.api.Layer;
import ua.hromada.portal.ui.map.LayerLegend;
import ua.hromada.portal.ui.map.OverlayLayer;
import ua.hromada.portal.ui.map.PortalMap;
import ua.hromada.portal.ui.map.VectorLayer;

/**
 * The viewer's layer tree: the registry's groups as folders, then the layers of other modules; each
 * layer with a check box that shows or hides it, an opacity slider (a native range input: arrow keys
 * move it), its legend, and for registry layers the attribute filter.
 */
class LayerTree extends Div {
    private static final long serialVersionUID = 1L;

    private final PortalMap map;
    private final Map<String, Checkbox> toggles = new LinkedHashMap<>();
    private final Map<String, Div> filterLines = new LinkedHashMap<>();

    /** {@code onFilter}: the reader asked to filter a registry layer. */
    LayerTree(PortalMap map, ViewerCatalog catalog, Consumer<Layer> onFilter) {
        this(map, catalog, onFilter, null);
    }

    /**
     * {@code onFilter} null: no filter buttons; {@code below}: what a registry layer shows under its
     * legend (the public map's downloads), or null.
     */
    LayerTree(PortalMap map, ViewerCatalog catalog, Consumer<Layer> onFilter, Function<Layer, Component> below) {
        this.map = map;
        setId("gis-viewer-tree");
        addClassName("gis-viewer-tree");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-label", getTranslation("gis.ui.viewer.layers"));
        for (ViewerLayers.Folder folder : catalog.folders()) {
            Div body = new Div();
            for (Layer layer : folder.layers()) {
                Div entry = registryEntry(layer, onFilter);
                if (below != null) {
                    entry.add(below.apply(layer));
                }
                body.add(entry);
            }
            for (ExternalLayer e : folder.externals()) {
                body.add(externalEntry(e));
            }
            String title = folder.group() == null ? getTranslation("gis.ui.viewer.ungrouped") : folder.group().title();
            Details details = new Details(title, body);
            details.setOpened(true);
            details.addClassName("gis-viewer-folder");
            details.getElement().setAttribute("data-group", folder.group() == null ? "" : folder.group().key());
            add(details);
        }
        if (!catalog.modules().isEmpty()) {
            Div body = new Div();
            for (ViewerCatalog.Module m : catalog.modules()) {
                String id = ViewerLayers.id(m.layer());
                body.add(entry(id, m.title(), new LayerLegend(ViewerLayers.moduleLegend(m.title(), m.layer().legend()))));
            }
            Details details = new Details(getTranslation("gis.ui.viewer.modules"), body);
            details.setOpened(true);
            details.addClassName("gis-viewer-folder");
            details.getElement().setAttribute("data-group", "modules");
            add(details);
        }
    }

    /** The check boxes as the map has the layers now (after a permalink restored a view). */
    void sync() {
        toggles.forEach((id, box) -> box.setValue(map.getLayer(id).map(OverlayLayer::visible).orElse(false)));
    }

    /** Shows the layer's filter under it, or none. */
    void showFilter(Layer layer, LayerFilter filter, Runnable clear) {
        Div line = filterLines.get(ViewerLayers.id(layer));
        if (line == null) {
            return;
        }
        line.removeAll();
        line.setVisible(filter != null);
        if (filter != null) {
            Button remove = GisUi.iconButton(this, VaadinIcon.CLOSE_SMALL, "gis.ui.viewer.filterClear", clear);
            remove.setId("gis-viewer-filter-clear-" + domId(ViewerLayers.id(layer)));
            Span text = new Span(getTranslation("gis.ui.viewer.filtered", filter.describe(layer)));
            text.addClassName("gis-viewer-filter-text");
            line.add(text, remove);
        }
    }

    private Div registryEntry(Layer layer, Consumer<Layer> onFilter) {
        String id = ViewerLayers.id(layer);
        VectorLayer vector = (VectorLayer) map.getLayer(id).orElseThrow();
        Div entry = entry(id, layer.title(), new LayerLegend(vector));
        if (onFilter == null) {
            return entry;
        }
        Button filter = GisUi.iconButton(this, VaadinIcon.FILTER, "gis.ui.viewer.filter", () -> onFilter.accept(layer));
        filter.setId("gis-viewer-filter-" + domId(id));
        ((Div) entry.getComponentAt(0)).add(filter);
        Div filterLine = new Div();
        filterLine.addClassName("gis-viewer-filter");
        filterLine.setVisible(false);
        filterLines.put(id, filterLine);
        entry.add(filterLine);
        return entry;
    }

    private Div externalEntry(ExternalLayer layer) {
        String id = ViewerLayers.id(layer);
        if (!ViewerCatalog.drawable(map, layer)) {
            Div entry = new Div(new Span(layer.title()));
            entry.addClassName("gis-viewer-entry");
            Span why = new Span(getTranslation("gis.ui.viewer.notDrawable"));
            why.addClassName("gis-viewer-note");
            entry.add(new Div(why));
            entry.getElement().setAttribute("data-layer", id);
            return entry;
        }
        Span source = new Span(layer.attribution() == null || layer.attribution().isBlank()
                ? getTranslation("gis.ui.viewer.external." + layer.kind().name())
                : layer.attribution());
        source.addClassName("gis-viewer-note");
        Div legend = new Div(source);
        for (String url : ViewerLayers.legendUrls(layer)) {
            // the service draws its own legend; a failed image shows its text instead
            Image image = new Image(url, getTranslation("gis.ui.viewer.legendOf", layer.title()));
            image.addClassName("gis-viewer-legend-image");
            image.getStyle().set("display", "block").set("max-width", "100%");
            legend.add(image);
        }
        return entry(id, layer.title(), legend);
    }

    /** A layer's line: check box with the title; below it the opacity slider and the legend. */
    private Div entry(String id, String title, Component legend) {
        OverlayLayer layer = map.getLayer(id).orElseThrow();
        Checkbox toggle = new Checkbox(title, layer.visible());
        toggle.setId("gis-viewer-toggle-" + domId(id));
        toggle.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                map.setLayerVisible(id, e.getValue());
            }
        });
        toggles.put(id, toggle);
        Div head = new Div(toggle);
        head.addClassName("gis-viewer-entry-head");
        head.getStyle().set("display", "flex").set("align-items", "center").set("justify-content", "space-between");

        Element slider = new Element("input");
        slider.setAttribute("type", "range");
        slider.setAttribute("min", "0");
        slider.setAttribute("max", "100");
        slider.setAttribute("step", "5");
        slider.setAttribute("value", Integer.toString((int) Math.round(layer.opacity() * 100)));
        slider.setAttribute("id", "gis-viewer-opacity-" + domId(id));
        slider.setAttribute("aria-label", getTranslation("gis.ui.viewer.opacity", title));
        slider.setAttribute("title", getTranslation("gis.ui.viewer.opacity", title));
        slider.addEventListener("change", e -> {
            double value = e.getEventData().getNumber("element.valueAsNumber");
            if (Double.isFinite(value)) {
                map.setLayerOpacity(id, Math.max(0, Math.min(100, value)) / 100);
            }
        }).addEventData("element.valueAsNumber");
        Div opacity = new Div();
        opacity.addClassName("gis-viewer-opacity");
        opacity.getElement().appendChild(slider);

        legend.getElement().getClassList().add("gis-viewer-legend");
        Div entry = new Div(head, opacity, legend);
        entry.addClassName("gis-viewer-entry");
        entry.getElement().setAttribute("data-layer", id);
        entry.getStyle().set("padding", "var(--lumo-space-xs) 0");
        return entry;
    }

    /** A map id as an element id: dots and colons would need escaping in selectors. */
    static String domId(String mapId) {
        return mapId.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    List<String> toggleIds() {
        return List.copyOf(toggles.keySet());
    }
}
