package ua.hromada.gis.ui.view;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import ua.hromada.gis.api.FeatureQuery;
import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.exchange.ExportFormat;
import ua.hromada.gis.exchange.GisExchange;
import ua.hromada.portal.api.map.MapSettings;
import ua.hromada.portal.ui.map.LayerFeatureClickEvent;
import ua.hromada.portal.ui.map.MapViewState;
import ua.hromada.portal.ui.map.PortalMap;

/**
 * {@code karta}, no sign-in: the community's public layers on the shared map for residents — the
 * layer tree with legends and toggles, search by attribute or address text, identify (read only),
 * and each layer's objects as GeoJSON or CSV. What it shows is what the services give the public (a null reader): never an
 * employees' layer, never another module's layer.
 */
public class PublicMapView extends Div implements BeforeEnterObserver {
    private static final long serialVersionUID = 1L;
    /** The page's route. */
    public static final String ROUTE = "karta";
    /** The files offered for each layer: the formats of its open dataset. */
    static final List<ExportFormat> DOWNLOADS = List.of(ExportFormat.GEOJSON, ExportFormat.CSV);

    private final transient ViewerCatalog.Services services;
    private final transient GisExchange exchange;
    private final transient ViewerCatalog catalog;
    private final IdentifyPanel identify = new IdentifyPanel();
    /** Null while no layer is public (the page has no map). */
    private PortalMap map;
    private LayerTree tree;

    public PublicMapView(ViewerCatalog.Services services, MapSettings settings, GisExchange exchange) {
        this.services = services;
        this.exchange = exchange;
        setId("gis-public-map");
        addClassName("gis-viewer");
        setSizeFull();
        H2 heading = new H2(getTranslation("gis.ui.public.title"));
        Paragraph intro = new Paragraph(getTranslation("gis.ui.public.intro"));
        catalog = new ViewerCatalog(services, null, getLocale(), this::getTranslation);
        if (catalog.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("gis.ui.public.empty"));
            empty.setId("gis-public-empty");
            add(heading, empty);
            return;
        }
        map = ViewerLayout.map(settings);
        catalog.addTo(map, key -> null);
        map.addLayerFeatureClickListener(this::identified);

        tree = new LayerTree(map, catalog, null, this::downloads);
        // the search is the keyboard way to an object: a hit moves the map there and identifies it
        Div side = new Div(new ViewerSearchBox(services.features(), null, catalog.registryLayers(), (layer, feature) -> {
            ViewerLayout.reveal(map, tree, layer, feature);
            identify.show(layer, feature, false, null, identify::hide);
        }), tree);
        add(heading, intro, ViewerLayout.columns(side, new Div(map), identify));
        ViewerLayout.pad(this);
    }

    /** The public map with one layer shown, the others off (a hit of the public home page's search). */
    public static String layerRoute(Layer layer) {
        return ROUTE + "?" + MapViewState.LAYERS + "=" + ViewerLayers.id(layer);
    }

    /**
     * {@code karta?layers=gis.parks,gis.zones} shows those layers only; the viewer's whole permalink
     * ({@code lat}, {@code lon}, {@code z}, {@code layers}) restores its view too. Layers the public
     * map does not have are left out; an address naming none of its layers opens the default view.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show(event.getLocation().getQueryParameters());
    }

    /** The layers (and the view) an address names. */
    void show(QueryParameters parameters) {
        if (map == null) {
            return;
        }
        Set<String> known = map.getLayers().stream().map(l -> l.id()).collect(Collectors.toSet());
        Optional<MapViewState> view = ViewerPermalink.parse(parameters, known);
        if (view.isPresent()) {
            map.setViewState(view.get());
            tree.sync();
            return;
        }
        List<String> named = ViewerPermalink.layers(parameters, known);
        if (!named.isEmpty()) {
            known.forEach(id -> map.setLayerVisible(id, named.contains(id)));
            tree.sync();
        }
    }

    /** A layer's download links, one per format, with the layer named for a screen reader. */
    private Div downloads(Layer layer) {
        Div links = new Div();
        links.addClassName("gis-public-downloads");
        links.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("flex-wrap", "wrap");
        for (ExportFormat format : DOWNLOADS) {
            Anchor a = new Anchor(download(layer, format), AttachmentType.DOWNLOAD, "");
            a.add(VaadinIcon.DOWNLOAD_ALT.create(), new Text(" " + getTranslation("gis.ui.export." + format.name())));
            a.getElement().setAttribute("aria-label", getTranslation("gis.ui.public.download", layer.title(),
                    getTranslation("gis.ui.export." + format.name())));
            a.getElement().setAttribute("data-format", format.name().toLowerCase(Locale.ROOT));
            a.addClassName("gis-public-download");
            links.add(a);
        }
        return links;
    }

    private DownloadHandler download(Layer layer, ExportFormat format) {
        // read as the public: a layer made private since the page opened gives nothing
        return FeatureExport.download(exchange, services.features(), null, layer, FeatureQuery.all(layer.id()), format);
    }

    private void identified(LayerFeatureClickEvent e) {
        Layer layer = catalog.registryLayer(e.layerId()).orElse(null);
        if (layer == null) {
            return;
        }
        try {
            services.features().getPublic(Long.parseLong(e.featureId())).ifPresentOrElse(
                    f -> identify.show(layer, f, false, null, identify::hide),
                    () -> identify.showMessage(getTranslation("gis.ui.viewer.gone")));
        } catch (NumberFormatException | GisException ex) {
            identify.showMessage(getTranslation("gis.ui.viewer.gone"));
        }
    }
}
