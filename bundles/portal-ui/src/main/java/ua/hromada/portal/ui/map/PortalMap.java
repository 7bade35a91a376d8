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
import ua.hromada.portal.api.map.MapFeature;
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
    private MapFeatureSource source;
    private GeoPoint center;
    private int zoom;
    private GeoPoint selected;
    private BoundingBox visible;
    /** What the browser was last sent: clicks and "open" links must name one of these. */
    private Set<String> shownIds = Set.of();
    private Set<String> shownHrefs = Set.of();

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
        this.source = source;
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

    // --- browser side ---------------------------------------------------------------------------

    private void initClient(AttachEvent event) {
        String options = FeatureJson.write(g -> {
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
            g.writeBooleanField("hasSource", source != null);
            g.writeStringField("ringColor", LegendEntry.HIGHLIGHT_RING_COLOR);
            g.writeObjectFieldStart("labels");
            for (String key : List.of("label", "open", "cluster", "selected", "loadError")) {
                g.writeStringField(key, getTranslation("map." + key, "{0}"));
            }
            g.writeEndObject();
            g.writeEndObject();
        });
        host.getElement().executeJs(INIT_JS, SCRIPT, options).then(ok -> {
        }, error -> LOG.warn("Map could not start in the browser: {}", error));
    }

    private void call(String method, Object... args) {
        if (!isAttached()) {
            return; // the state is sent whole when the map attaches
        }
        host.getElement().executeJs(CALL_JS, method, FeatureJson.write(g -> {
            g.writeStartArray();
            for (Object arg : args) {
                if (arg instanceof double[] pair) {
                    g.writeArray(pair, 0, pair.length);
                } else if (arg instanceof Integer i) {
                    g.writeNumber(i);
                } else if (arg instanceof Double d) {
                    g.writeNumber(d);
                } else if (arg instanceof Boolean b) {
                    g.writeBoolean(b);
                } else {
                    g.writeNull();
                }
            }
            g.writeEndArray();
        }));
    }

    String featuresFor(double south, double west, double north, double east, int zoom) {
        BoundingBox box = visibleBox(south, west, north, east);
        if (box == null) {
            return "[]";
        }
        this.visible = box;
        this.zoom = Math.max(0, Math.min(zoom, settings.maxZoom()));
        this.center = box.center();
        MapFeatureSource current = source;
        if (current == null) {
            shownIds = Set.of();
            shownHrefs = Set.of();
            return "[]";
        }
        List<MapFeature> features;
        try {
            features = current.features(box, this.zoom);
        } catch (RuntimeException e) {
            LOG.error("Map feature source {} failed for {} at zoom {}", current.getClass().getName(), box.format(),
                    this.zoom, e);
            features = List.of();
        }
        if (features.size() > MAX_FEATURES) {
            LOG.warn("Map feature source {} returned {} features for {} at zoom {}; drawing the first {} (cluster on the server)",
                    current.getClass().getName(), features.size(), box.format(), this.zoom, MAX_FEATURES);
            features = features.subList(0, MAX_FEATURES);
        }
        Set<String> ids = new HashSet<>();
        Set<String> hrefs = new HashSet<>();
        for (MapFeature f : features) {
            if (f.id() != null) {
                ids.add(f.id());
            }
            if (f.href() != null) {
                hrefs.add(f.href());
            }
        }
        shownIds = ids;
        shownHrefs = hrefs;
        return FeatureJson.features(features);
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
        if (id != null && shownIds.contains(id)) {
            fireEvent(new FeatureClickEvent(this, id));
        }
    }

    void open(String href) {
        if (href != null && shownHrefs.contains(href)) {
            getUI().ifPresent(ui -> ui.navigate(href.startsWith("/") ? href.substring(1) : href));
        }
    }
}
