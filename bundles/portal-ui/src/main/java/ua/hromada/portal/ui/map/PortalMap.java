package ua.hromada.portal.ui.map;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;

import ua.hromada.portal.api.map.BoundingBox;
import ua.hromada.portal.api.map.GeoPoint;
import ua.hromada.portal.api.map.LegendEntry;
import ua.hromada.portal.api.map.MapFeatureSource;
import ua.hromada.portal.api.map.MapSettings;

/**
 * The portal's map: Leaflet on the community's base map (from {@link MapSettings}; with
 * {@link MapSettings#bounds()} the map cannot be panned out of the community's area), with features
 * asked from a {@link MapFeatureSource} for every settled pan or zoom — the source aggregates on
 * the server, so tens of thousands of items stay smooth. Points open a popup (title, lines, an
 * "open" link followed through the router); points at the very same place are drawn as one dot
 * with their number and one popup listing them all; clusters zoom in when clicked. Without base
 * map tiles (offline) a light grid still shows panning and zooming, and the selected point is a
 * vector pin that needs no image.
 *
 * <pre>{@code
 * PortalMap map = new PortalMap(mapSettings);
 * map.setFeatureSource((bbox, zoom) -> violations.mapFeatures(bbox, zoom));
 * map.addMapClickListener(e -> form.setLocation(e.point()));
 * }</pre>
 *
 * <p>Named overlay layers (1.1) go over the base map, each in its own z-order and opacity:
 * {@link VectorLayer}s of GeoJSON features pushed whole or asked per window from a
 * {@link LayerFeatureSource} (which may answer clusters), and {@link TileOverlay}s (XYZ, WMS,
 * WMTS). A click on a feature is an identify event; one vector layer can be made editable
 * (draw, move, vertices, snapping, undo — Leaflet-Geoman) with the result as a
 * {@link GeometryEditEvent}; a measuring tool can be shown; {@link #getViewState()} and the
 * {@link ViewChangeEvent} give a permalink; {@link LayerLegend} draws a layer's legend.
 *
 * <pre>{@code
 * map.addLayer(VectorLayer.of("gis.7", "Вивіски", OverlayStyle.of("#757575")
 *         .withMarkerShape(MarkerShape.PIN).withValueColors("status", colours), GeometryKind.POINT),
 *         (bbox, zoom) -> features.clustered(bbox, zoom));
 * map.addLayer(TileOverlay.wms("dzk", "Кадастр", url, "parcels", null, true, "1.3.0", "© ДЗК"));
 * map.addLayerFeatureClickListener(e -> showCard(e.layerId(), e.featureId()));
 * map.enableEditing("gis.7", Set.of(GeometryKind.POINT));
 * map.addGeometryEditListener(e -> e.geometry().ifPresent(form::setGeometry));
 * map.addViewChangeListener(e -> updateUrl(e.state().toQueryParameters()));
 * }</pre>
 */
public class PortalMap extends Composite<Div> implements HasSize {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PortalMap.class);

    /** More features than this in one answer are cut off (and logged): the source should cluster. */
    public static final int MAX_FEATURES = 5000;
    static final String SCRIPT = "static/portal-map/portal-map.js";

    /**
     * Loads the client script once per page (relative to the document base, so it works on any
     * route), then creates the map. Runs on every attach: a re-attached element gets a fresh map.
     */
    private static final String INIT_JS = """
            const el = this, options = JSON.parse($1);
            if (el.__hromadaMap) { el.__hromadaMap.destroy(); el.__hromadaMap = null; }
            // the options carry the whole current state: calls queued for an older map are stale
            el.__hromadaQueue = [];
            el.__hromadaInitPending = true;
            if (!window.__hromadaMapScript) {
              window.__hromadaMapScript = new Promise((resolve, reject) => {
                const s = document.createElement('script');
                s.src = $0;
                s.onload = resolve;
                s.onerror = () => { window.__hromadaMapScript = null; reject(new Error('Cannot load ' + s.src)); };
                document.head.appendChild(s);
              });
            }
            return window.__hromadaMapScript.then(() => window.HromadaMap.init(el, options))
              .catch(e => { window.HromadaMap ? window.HromadaMap.failed(el, options) : (el.textContent = options.labels.loadError); throw e; });
            """;
    /** Calls after init wait in a queue on the element until the map is ready. */
    private static final String CALL_JS = """
            (this.__hromadaQueue = this.__hromadaQueue || []).push([$0, JSON.parse($1)]);
            if (window.HromadaMap) { window.HromadaMap.flush(this); }
            """;

    private final MapSettings settings;
    private final MapHost host = new MapHost(this);
    private final Div legend = new Div();
    private final PointSource points = new PointSource();
    private GeoPoint center;
    private int zoom;
    private GeoPoint selected;
    private BoundingBox visible;
    private final MapOverlays overlays = new MapOverlays();
    private final MapEditing editing = new MapEditing();
    private boolean measureTool;

    public PortalMap(MapSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.center = settings.center();
        this.zoom = settings.zoom();
        Div root = getContent();
        root.addClassName("hromada-map");
        // isolation: Leaflet's panes and controls (z-index up to 1000) stay below dialogs and overlays
        root.getStyle().set("position", "relative").set("min-height", "200px").set("isolation", "isolate");
        host.setSizeFull();
        legend.addClassName("hromada-map-legend");
        legend.getStyle().set("position", "absolute").set("left", "10px").set("bottom", "24px")
                .set("z-index", "1000").set("background", "var(--lumo-base-color, #fff)")
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-s)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("box-shadow", "var(--lumo-box-shadow-xs)").set("font-size", "var(--lumo-font-size-s)");
        legend.setVisible(false);
        root.add(host, legend);
        setWidthFull();
        setHeight("480px");
        addAttachListener(this::initClient);
    }

    /** Where the features come from; null shows the base map only. Asks for the current view at once. */
    public void setFeatureSource(MapFeatureSource source) {
        points.source = source;
        call("setSource", source != null);
    }

    /** Asks the source again for the visible area, e.g. after the data changed. */
    public void refresh() {
        call("refresh");
    }

    /** Moves the map; zoom is clamped to 0…maxZoom of the settings. */
    public void setView(GeoPoint center, int zoom) {
        this.center = Objects.requireNonNull(center, "center");
        this.zoom = Math.max(0, Math.min(zoom, settings.maxZoom()));
        call("setView", center.lat(), center.lon(), this.zoom);
    }

    /** Marks a chosen location (e.g. a form's point) with a pin; null removes it. */
    public void setSelectedPoint(GeoPoint point) {
        this.selected = point;
        call("setSelected", point == null ? null : new double[] { point.lat(), point.lon() });
    }

    public Optional<GeoPoint> getSelectedPoint() {
        return Optional.ofNullable(selected);
    }

    /** The zoom the user last settled on (the initial one before the browser reported any). */
    public int getZoom() {
        return zoom;
    }

    /** The area the user last looked at; empty until the browser reported one. */
    public Optional<BoundingBox> getVisibleBounds() {
        return Optional.ofNullable(visible);
    }

    /** Colour keys shown over the map's lower left corner; an empty list hides the legend. */
    public void setLegend(List<LegendEntry> entries) {
        legend.removeAll();
        for (LegendEntry entry : entries) {
            Span swatch = new Span();
            swatch.getStyle().set("display", "inline-block").set("border-radius", "50%").set("vertical-align", "middle");
            if (entry.symbol() == LegendEntry.Symbol.RING) {
                // as the map draws it: a neutral dot, a white gap, the ring
                swatch.getStyle().set("width", "8px").set("height", "8px").set("margin", "0 10px 0 4px")
                        .set("background", "#9e9e9e")
                        .set("box-shadow", "0 0 0 2px #fff, 0 0 0 4px " + entry.color());
            } else {
                swatch.getStyle().set("width", "12px").set("height", "12px").set("margin-right", "6px")
                        .set("background", entry.color());
            }
            swatch.addClassName("hromada-map-swatch-" + entry.symbol().name().toLowerCase(java.util.Locale.ROOT));
            Div line = new Div(swatch, new Span(entry.label()));
            line.addClassName("hromada-map-legend-entry");
            legend.add(line);
        }
        legend.setVisible(!entries.isEmpty());
    }

    /** A click on the map (not on a feature) with the point clicked. */
    public Registration addMapClickListener(ComponentEventListener<MapClickEvent> listener) {
        return addListener(MapClickEvent.class, listener);
    }

    /** A click on a point feature, with its id (the popup opens as well). */
    public Registration addFeatureClickListener(ComponentEventListener<FeatureClickEvent> listener) {
        return addListener(FeatureClickEvent.class, listener);
    }

    /** Fired when the user clicks the map itself. */
    public static class MapClickEvent extends ComponentEvent<PortalMap> {
        private static final long serialVersionUID = 1L;
        private final GeoPoint point;

        public MapClickEvent(PortalMap source, GeoPoint point) {
            super(source, true);
            this.point = point;
        }

        public GeoPoint point() {
            return point;
        }
    }

    /** Fired when the user clicks a point feature. */
    public static class FeatureClickEvent extends ComponentEvent<PortalMap> {
        private static final long serialVersionUID = 1L;
        private final String featureId;

        public FeatureClickEvent(PortalMap source, String featureId) {
            super(source, true);
            this.featureId = featureId;
        }

        public String featureId() {
            return featureId;
        }
    }

    // --- overlay layers -------------------------------------------------------------------------

    /** Adds a layer whose features are pushed now (and replaced by {@link #setLayerFeatures}). */
    public void addLayer(VectorLayer layer, LayerFeatures features) {
        overlays.add(layer, features == null ? new LayerFeatures() : features, null);
        call("addLayer", new FeatureJson.Raw(overlays.json(layer.id())));
        layersChanged();
    }

    /** Adds a layer asked for every settled window (debounced), e.g. clusters of 100 000 points. */
    public void addLayer(VectorLayer layer, LayerFeatureSource source) {
        overlays.add(layer, null, Objects.requireNonNull(source, "source"));
        call("addLayer", new FeatureJson.Raw(overlays.json(layer.id())));
        layersChanged();
    }

    /** Adds an XYZ, WMS or WMTS overlay. */
    public void addLayer(TileOverlay layer) {
        overlays.add(layer, null, null);
        call("addLayer", new FeatureJson.Raw(overlays.json(layer.id())));
        layersChanged();
    }

    /** Replaces the features of a pushed layer. */
    public void setLayerFeatures(String layerId, LayerFeatures features) {
        LayerFeatures sent = overlays.setData(layerId, Objects.requireNonNull(features, "features"));
        call("setLayerData", layerId, new FeatureJson.Raw(sent.toJson()));
    }

    /** Asks a source layer again for the visible window, e.g. after its data changed. */
    public void refreshLayer(String layerId) {
        if (overlays.get(layerId).isPresent()) {
            call("refreshLayer", layerId);
        }
    }

    public void removeLayer(String layerId) {
        if (overlays.remove(layerId)) {
            if (layerId.equals(editing.layerId)) {
                disableEditing();
            }
            call("removeLayer", layerId);
            layersChanged();
        }
    }

    public List<OverlayLayer> getLayers() {
        return overlays.all();
    }

    public Optional<OverlayLayer> getLayer(String layerId) {
        return overlays.get(layerId);
    }

    public void setLayerVisible(String layerId, boolean visible) {
        OverlayLayer layer = layer(layerId);
        if (layer.visible() != visible) {
            overlays.update(layer instanceof VectorLayer v ? v.withVisible(visible) : ((TileOverlay) layer).withVisible(visible));
            call("setLayerVisible", layerId, visible);
            layersChanged();
        }
    }

    /** Opacity of the whole layer, 0 to 1. */
    public void setLayerOpacity(String layerId, double opacity) {
        OverlayLayer layer = layer(layerId);
        overlays.update(layer instanceof VectorLayer v ? v.withOpacity(opacity) : ((TileOverlay) layer).withOpacity(opacity));
        call("setLayerOpacity", layerId, opacity);
    }

    /** Drawing order, 0 to {@value VectorLayer#MAX_Z_INDEX}: higher over lower. */
    public void setLayerZIndex(String layerId, int zIndex) {
        OverlayLayer layer = layer(layerId);
        overlays.update(layer instanceof VectorLayer v ? v.withZIndex(zIndex) : ((TileOverlay) layer).withZIndex(zIndex));
        call("setLayerZIndex", layerId, zIndex);
    }

    /** Ids of the visible overlay layers, in the order they were added. */
    public List<String> getVisibleLayerIds() {
        return overlays.visibleIds();
    }

    /** Identify: a click on a feature (with an id) of an overlay layer. */
    public Registration addLayerFeatureClickListener(ComponentEventListener<LayerFeatureClickEvent> listener) {
        return addListener(LayerFeatureClickEvent.class, listener);
    }

    private OverlayLayer layer(String layerId) {
        return overlays.get(layerId).orElseThrow(() -> new IllegalArgumentException("the map has no layer " + layerId));
    }

    // --- editing and measuring ------------------------------------------------------------------

    /**
     * Makes one vector layer editable: the map shows drawing buttons for the given kinds, undo,
     * finish and cancel (Leaflet-Geoman, snapping to the vertices of visible features). A drawn
     * or edited geometry comes back as a {@link GeometryEditEvent}; the view saves it and updates
     * the layer's features.
     */
    public void enableEditing(String layerId, Set<GeometryKind> kinds) {
        if (!overlays.isVector(layerId)) {
            throw new IllegalArgumentException("the map has no vector layer " + layerId);
        }
        if (kinds == null || kinds.isEmpty()) {
            throw new IllegalArgumentException("at least one geometry kind is needed");
        }
        editing.layerId = layerId;
        editing.kinds = java.util.EnumSet.copyOf(kinds);
        editing.featureId = null;
        call("enableEditing", new FeatureJson.Raw(editing.json()));
    }

    public void disableEditing() {
        editing.layerId = null;
        editing.kinds = java.util.EnumSet.noneOf(GeometryKind.class);
        editing.featureId = null;
        call("disableEditing");
    }

    /** The editable layer, if any. */
    public Optional<String> getEditableLayerId() {
        return Optional.ofNullable(editing.layerId);
    }

    /** Starts drawing a new geometry of the editable layer (as the toolbar button does). */
    public void startDrawing(GeometryKind kind) {
        requireEditing();
        if (kind == GeometryKind.ANY || !(editing.kinds.contains(kind) || editing.kinds.contains(GeometryKind.ANY))) {
            throw new IllegalArgumentException("drawing " + kind + " is not enabled: " + editing.kinds);
        }
        editing.featureId = null;
        call("startDrawing", kind.name());
    }

    /** Edits the geometry of a feature of the editable layer: move it, move/insert/delete vertices. */
    public void startEditing(String featureId) {
        requireEditing();
        editing.featureId = Objects.requireNonNull(featureId, "featureId");
        call("startEditing", featureId);
    }

    /** Finishes the current drawing or edit: the browser answers with a {@link GeometryEditEvent}. */
    public void finishEditing() {
        call("finishEditing");
    }

    /** Drops the current drawing or edit. */
    public void cancelEditing() {
        call("cancelEditing");
    }

    public Registration addGeometryEditListener(ComponentEventListener<GeometryEditEvent> listener) {
        return addListener(GeometryEditEvent.class, listener);
    }

    private void requireEditing() {
        if (!editing.enabled()) {
            throw new IllegalStateException("no editable layer: call enableEditing first");
        }
    }

    /** Shows or hides the tool that measures distances and areas (geodesic) on the map. */
    public void setMeasureToolVisible(boolean visible) {
        this.measureTool = visible;
        call("setMeasure", visible);
    }

    public boolean isMeasureToolVisible() {
        return measureTool;
    }

    // --- view state ----------------------------------------------------------------------------

    /** The centre the user last settled on (the initial one before the browser reported any). */
    public GeoPoint getCenter() {
        return center;
    }

    /** Centre, zoom and visible layers: what a permalink keeps. */
    public MapViewState getViewState() {
        return new MapViewState(center, zoom, overlays.visibleIds());
    }

    /**
     * Restores a view: centre, zoom, and of the layers the map has, the named ones visible and
     * the others hidden (ids the map does not have are ignored).
     */
    public void setViewState(MapViewState state) {
        setView(state.center(), state.zoom()); // first: the events of the layers carry the new view
        Set<String> visibleIds = new HashSet<>(state.visibleLayers());
        for (OverlayLayer layer : overlays.all()) {
            setLayerVisible(layer.id(), visibleIds.contains(layer.id()));
        }
    }

    /** Pans, zooms (from the browser) and layer visibility changes (from the server). */
    public Registration addViewChangeListener(ComponentEventListener<ViewChangeEvent> listener) {
        return addListener(ViewChangeEvent.class, listener);
    }

    private void layersChanged() {
        fireEvent(new ViewChangeEvent(this, false, getViewState()));
    }

    // --- browser side ---------------------------------------------------------------------------

    private void initClient(AttachEvent event) {
        host.getElement().executeJs(INIT_JS, SCRIPT, optionsJson()).then(ok -> {
        }, error -> LOG.warn("Map could not start in the browser: {}", error));
    }

    /** Everything the browser half needs to draw the map as it is now. */
    String optionsJson() {
        return FeatureJson.write(g -> {
            g.writeStartObject();
            g.writeStringField("tileUrl", settings.tileUrl());
            g.writeStringField("attribution", settings.attribution());
            g.writeNumberField("maxZoom", settings.maxZoom());
            FeatureJson.point(g, "center", center.lat(), center.lon());
            g.writeNumberField("zoom", zoom);
            Optional<BoundingBox> bounds = settings.bounds();
            if (bounds.isPresent()) {
                // south, west, north, east: the script keeps the map inside (Leaflet's maxBounds)
                BoundingBox b = bounds.get();
                g.writeFieldName("maxBounds");
                g.writeArray(new double[] { b.south(), b.west(), b.north(), b.east() }, 0, 4);
            }
            if (selected != null) {
                FeatureJson.point(g, "selected", selected.lat(), selected.lon());
            }
            g.writeBooleanField("hasSource", points.source != null);
            g.writeStringField("ringColor", LegendEntry.HIGHLIGHT_RING_COLOR);
            MapTexts.labels(g, this);
            g.writeFieldName("layers");
            overlays.writeAll(g);
            if (editing.enabled()) {
                g.writeFieldName("editing");
                g.writeRawValue(editing.json());
            }
            g.writeBooleanField("measure", measureTool);
            MapTexts.geoman(g, this, getLocale());
            g.writeEndObject();
        });
    }

    private void call(String method, Object... args) {
        if (!isAttached()) {
            return; // the state is sent whole when the map attaches
        }
        host.getElement().executeJs(CALL_JS, method, FeatureJson.args(args));
    }

    String featuresFor(double south, double west, double north, double east, int zoom) {
        BoundingBox box = visibleBox(south, west, north, east);
        if (box == null) {
            return "[]";
        }
        this.visible = box;
        this.zoom = Math.max(0, Math.min(zoom, settings.maxZoom()));
        this.center = box.center();
        return points.answer(box, this.zoom);
    }

    /**
     * The browser's view as a valid box: Leaflet reports longitudes beyond ±180 after panning
     * across the antimeridian and latitudes beyond ±90 when zoomed out; null for garbage.
     */
    static BoundingBox visibleBox(double south, double west, double north, double east) {
        if (!Double.isFinite(south) || !Double.isFinite(west) || !Double.isFinite(north) || !Double.isFinite(east)
                || south > north || west > east) {
            return null;
        }
        double s = Math.max(-90, south);
        double n = Math.min(90, north);
        if (s > n) {
            return null;
        }
        if (east - west >= 360) {
            return new BoundingBox(s, -180, n, 180);
        }
        double shift = Math.floor((west + 180) / 360) * 360; // bring west into [-180, 180)
        double w = west - shift;
        double e = east - shift;
        if (e > 180) {
            return new BoundingBox(s, -180, n, 180); // straddles the antimeridian: ask for all longitudes
        }
        return new BoundingBox(s, w, n, e);
    }

    void mapClicked(double lat, double lon) {
        if (!Double.isFinite(lat) || !Double.isFinite(lon) || lat < -90 || lat > 90) {
            return;
        }
        double wrapped = lon - Math.floor((lon + 180) / 360) * 360;
        fireEvent(new MapClickEvent(this, new GeoPoint(lat, wrapped)));
    }

    void featureClicked(String id) {
        if (points.shows(id)) {
            fireEvent(new FeatureClickEvent(this, id));
        }
    }

    void open(String href) {
        if (href != null && (points.showsHref(href) || overlays.showsHref(href))) {
            getUI().ifPresent(ui -> ui.navigate(href.startsWith("/") ? href.substring(1) : href));
        }
    }

    String layerFeaturesFor(String layerId, double south, double west, double north, double east, int zoom) {
        return overlays.answer(layerId, visibleBox(south, west, north, east), Math.max(0, Math.min(zoom, settings.maxZoom())));
    }

    void layerFeatureClicked(String layerId, String featureId, double lat, double lon) {
        if (overlays.shows(layerId, featureId) && Double.isFinite(lat) && Double.isFinite(lon) && lat >= -90 && lat <= 90) {
            double wrapped = lon - Math.floor((lon + 180) / 360) * 360;
            fireEvent(new LayerFeatureClickEvent(this, layerId, featureId, new GeoPoint(lat, wrapped)));
        }
    }

    /** The browser's view settled: remembered for {@link #getViewState()} and reported. */
    void viewChanged(double lat, double lon, int zoom, double south, double west, double north, double east) {
        BoundingBox box = visibleBox(south, west, north, east);
        if (box == null || !Double.isFinite(lat) || !Double.isFinite(lon) || lat < -90 || lat > 90) {
            return;
        }
        this.visible = box;
        this.zoom = Math.max(0, Math.min(zoom, settings.maxZoom()));
        this.center = new GeoPoint(lat, lon - Math.floor((lon + 180) / 360) * 360);
        fireEvent(new ViewChangeEvent(this, true, getViewState()));
    }

    /** A finished (geometry set) or cancelled (null) edit from the browser, checked by {@link MapEditing}. */
    void edited(String layerId, String featureId, String geometry) {
        GeometryEditEvent event = editing.accept(this, overlays, layerId, featureId, geometry);
        if (event != null) {
            fireEvent(event);
        }
    }
}
