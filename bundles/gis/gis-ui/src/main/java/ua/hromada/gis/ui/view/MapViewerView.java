package ua.hromada.gis.ui.view;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;

import ua.hromada.gis.api.FeatureQuery;
import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.GisFeature;
import ua.hromada.gis.api.Layer;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.map.MapSettings;
import ua.hromada.portal.ui.map.LayerFeatureClickEvent;
import ua.hromada.portal.ui.map.PortalMap;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * {@code gis/map}: the community's layers on the shared map — the layer tree (registry groups,
 * external layers, other modules' layers) with legends, toggles, opacity and attribute filters;
 * identify; search by attribute or address text; measuring; drawing and editing objects of the
 * layers the person may edit ({@link ViewerEditing}); a permalink kept in the address bar; and the
 * way to the print page.
 */
public class MapViewerView extends Div implements BeforeEnterObserver {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(MapViewerView.class);
    /** The viewer's route and the parameter that opens it drawing in a layer ({@code gis/map?draw=<key>}). */
    static final String DRAW_ROUTE = "gis/map";
    static final String DRAW_PARAMETER = "draw";

    private final transient ViewerCatalog.Services services;
    private final transient PortalUser user;
    private transient ViewerCatalog catalog;
    private PortalMap map;
    private LayerTree tree;
    private ViewerEditing editing;
    private final IdentifyPanel identify = new IdentifyPanel();
    private final Map<String, LayerFilter> filters = new HashMap<>();

    public MapViewerView(ViewerCatalog.Services services, MapSettings settings, PortalUser user) {
        this.services = services;
        this.user = user;
        setId("gis-viewer");
        addClassName("gis-viewer");
        setSizeFull();
        H2 heading = new H2(getTranslation("gis.ui.viewer.title"));
        if (!GisUi.reads(user)) {
            add(heading, GisUi.noAccess(this));
            return;
        }
        catalog = new ViewerCatalog(services, user, getLocale(), this::getTranslation);
        map = ViewerLayout.map(settings);
        catalog.addTo(map, filters::get);
        map.addLayerFeatureClickListener(this::identified);
        map.addViewChangeListener(e -> getUI().ifPresent(ui -> ui.getPage().executeJs(
                // the router's own history entry stays (its state kept); only the address changes
                "window.history.replaceState(window.history.state, '', $0)", ViewerPermalink.location(e.state()))));

        tree = new LayerTree(map, catalog, this::openFilter);
        editing = new ViewerEditing(services, catalog, user, map, tree, this::show, identify::hide);
        Div side = new Div(new ViewerSearchBox(services.features(), user, catalog.registryLayers(), this::showFound));
        if (catalog.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("gis.ui.viewer.empty"));
            empty.setId("gis-viewer-empty");
            side.add(empty);
        } else {
            side.add(tree);
        }
        add(heading, ViewerLayout.columns(side, new Div(toolbar(), map), identify));
        ViewerLayout.pad(this);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (map == null) {
            return;
        }
        ViewerPermalink.parse(event.getLocation().getQueryParameters(), new HashSet<>(map.getLayers().stream()
                .map(l -> l.id()).toList())).ifPresent(state -> {
                    map.setViewState(state);
                    tree.sync();
                });
        event.getLocation().getQueryParameters().getSingleParameter(DRAW_PARAMETER).ifPresent(editing::choose);
    }

    private Div toolbar() {
        Button measure = new Button(getTranslation("gis.ui.viewer.measure"), VaadinIcon.SCALE.create());
        measure.setId("gis-viewer-measure");
        measure.getElement().setAttribute("aria-pressed", "false");
        measure.addClickListener(e -> {
            boolean on = !map.isMeasureToolVisible();
            map.setMeasureToolVisible(on);
            measure.getElement().setAttribute("aria-pressed", Boolean.toString(on));
            if (on) {
                measure.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            } else {
                measure.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
        });
        Button link = new Button(getTranslation("gis.ui.viewer.permalink"), VaadinIcon.LINK.create(),
                e -> ViewerDialogs.permalink(this, ViewerPermalink.location(map.getViewState())).open());
        link.setId("gis-viewer-permalink");
        Button print = new Button(getTranslation("gis.ui.viewer.print"), VaadinIcon.PRINT.create(),
                e -> ViewerDialogs.print(this, options -> getUI().ifPresent(ui -> ui.navigate(options.location(map.getViewState()))))
                        .open());
        print.setId("gis-viewer-print");
        Div bar = new Div(measure, link, print, editing);
        bar.addClassName("gis-viewer-toolbar");
        bar.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("flex-wrap", "wrap")
                .set("margin-bottom", "var(--lumo-space-s)");
        return bar;
    }

    private void showFound(Layer layer, GisFeature feature) {
        ViewerLayout.reveal(map, tree, layer, feature);
        show(layer, feature);
    }

    private void identified(LayerFeatureClickEvent e) {
        Layer layer = catalog.registryLayer(e.layerId()).orElse(null);
        if (layer == null) {
            return; // another module's point: its own popup says what it is
        }
        try {
            services.features().get(user, Long.parseLong(e.featureId())).ifPresentOrElse(f -> show(layer, f),
                    () -> identify.showMessage(getTranslation("gis.ui.viewer.gone")));
        } catch (NumberFormatException | GisException ex) {
            identify.showMessage(getTranslation("gis.ui.viewer.gone"));
        }
    }

    private void show(Layer layer, GisFeature feature) {
        boolean editable = services.layers().canEdit(user, layer);
        identify.show(layer, feature, editable, () -> new FeatureForm(services.features(), user, layer, feature, editable, saved -> {
            if (saved != null) {
                GisUi.success(getTranslation("gis.ui.objects.saved", saved.id()));
                map.refreshLayer(ViewerLayers.id(layer));
                services.features().get(user, saved.id()).ifPresentOrElse(f -> show(layer, f), identify::hide);
            }
        }).open(), identify::hide);
        if (editable) {
            identify.addActions(editing.actions(layer, feature));
        }
    }

    private void openFilter(Layer layer) {
        new LayerFilterDialog(layer, filters.get(layer.key()), filter -> applyFilter(layer, filter)).open();
    }

    private void applyFilter(Layer layer, LayerFilter filter) {
        if (filter == null) {
            filters.remove(layer.key());
        } else {
            try {
                // asked once here: a value the attribute cannot hold is refused in words, not drawn as nothing
                long count = services.features().count(user, FeatureQuery.all(layer.id()).where(Map.of(filter.attribute(),
                        filter.value())));
                GisUi.success(getTranslation("gis.ui.viewer.filterCount", count));
            } catch (GisException e) {
                GisUi.error(GisUi.reason(this, e));
                return;
            }
            filters.put(layer.key(), filter);
        }
        tree.showFilter(layer, filter, () -> applyFilter(layer, null));
        try {
            map.refreshLayer(ViewerLayers.id(layer));
        } catch (RuntimeException e) {
            GisUi.error(getTranslation("gis.ui.failed", UiSupport.logFailure(LOG, "Filtering a GIS layer failed", e)));
        }
    }
}
