package ua.hromada.gis.ui.view;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

import ua.hromada.gis.api.FeatureInput;
import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.GisFeature;
import ua.hromada.gis.api.Layer;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.jdbc.EditConflictException;
import ua.hromada.portal.ui.map.GeometryEditEvent;
import ua.hromada.portal.ui.map.PortalMap;
import ua.hromada.portal.ui.support.EditConflicts;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * Drawing and editing objects on the viewer's map with the shared map's tools (draw points, lines
 * and polygons, move and drag vertices with snapping, undo, finish, cancel). The person picks one
 * of the layers they may edit; a shape drawn there opens the object's form for its attributes, a
 * changed shape of an object is saved as that object's new geometry (its attributes kept). The
 * identify panel offers "change the shape" and "delete" for objects of editable layers. The
 * service checks everything (geometry type, permissions, version); its refusals are shown in words.
 */
class ViewerEditing extends Div {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ViewerEditing.class);

    private final transient ViewerCatalog.Services services;
    private final transient ViewerCatalog catalog;
    private final transient PortalUser user;
    private final PortalMap map;
    private final LayerTree tree;
    private final transient BiConsumer<Layer, GisFeature> show;
    private final transient Runnable hide;
    private final ComboBox<Layer> layer = new ComboBox<>();
    private final Span hint = new Span();

    /**
     * @param show shows an object in the identify panel (after a save)
     * @param hide closes the identify panel (after a delete)
     */
    ViewerEditing(ViewerCatalog.Services services, ViewerCatalog catalog, PortalUser user, PortalMap map, LayerTree tree,
            BiConsumer<Layer, GisFeature> show, Runnable hide) {
        this.services = services;
        this.catalog = catalog;
        this.user = user;
        this.map = map;
        this.tree = tree;
        this.show = show;
        this.hide = hide;
        setId("gis-viewer-editing");
        List<Layer> editable = editableLayers();
        setVisible(!editable.isEmpty());
        layer.setId("gis-viewer-edit-layer");
        layer.setAriaLabel(getTranslation("gis.ui.viewer.editLayer"));
        layer.setPlaceholder(getTranslation("gis.ui.viewer.editLayer"));
        layer.setItems(editable);
        layer.setItemLabelGenerator(Layer::title);
        layer.setClearButtonVisible(true);
        layer.setWidth("18rem");
        layer.addValueChangeListener(e -> editOn(e.getValue()));
        hint.setId("gis-viewer-edit-hint");
        hint.addClassName("gis-viewer-note");
        hint.setText(getTranslation("gis.ui.viewer.editHint"));
        hint.setVisible(false);
        getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("align-items", "center").set("flex-wrap", "wrap");
        add(layer, hint);
        map.addGeometryEditListener(this::edited);
    }

    /** The registry layers on the map whose objects this person may change. */
    private List<Layer> editableLayers() {
        return catalog.registryLayers().stream().filter(l -> services.layers().canEdit(user, l)).toList();
    }

    /** Starts drawing in the layer with this key, when the person may edit it (the objects page's way here). */
    void choose(String key) {
        layer.getListDataView().getItems().filter(l -> l.key().equals(key)).findFirst().ifPresent(layer::setValue);
    }

    private void editOn(Layer chosen) {
        if (chosen == null) {
            map.disableEditing();
            hint.setVisible(false);
            return;
        }
        String id = ViewerLayers.id(chosen);
        // drawing on a hidden layer would put shapes where the person cannot see them
        map.setLayerVisible(id, true);
        tree.sync();
        map.enableEditing(id, Set.of(ViewerLayers.kind(chosen.geometryType())));
        hint.setVisible(true);
    }

    /** The identify panel's actions for an object the person may edit: change its shape, delete it. */
    List<Button> actions(Layer of, GisFeature feature) {
        Button shape = new Button(getTranslation("gis.ui.viewer.editShape"), VaadinIcon.PENCIL.create(), e -> editShape(of, feature));
        shape.setId("gis-viewer-identify-shape");
        Button delete = new Button(getTranslation("gis.ui.objects.delete"), VaadinIcon.TRASH.create(), e -> confirmDelete(of, feature));
        delete.setId("gis-viewer-identify-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return List.of(shape, delete);
    }

    private void editShape(Layer of, GisFeature feature) {
        if (!of.equals(layer.getValue())) {
            layer.setValue(of); // enables editing of that layer (the listener)
        }
        map.startEditing(Long.toString(feature.id()));
    }

    /** What a finished or cancelled drawing does; the form it opened for a new shape, else null (for tests). */
    FeatureForm edited(GeometryEditEvent e) {
        Optional<Layer> of = catalog.registryLayer(e.layerId());
        if (of.isEmpty() || e.isCancelled()) {
            return null;
        }
        String geometry = e.geometry().orElseThrow();
        Optional<String> featureId = e.featureId();
        if (featureId.isEmpty()) {
            FeatureForm form = FeatureForm.drawn(services.features(), user, of.get(), geometry, saved -> saved(of.get(), saved));
            // saved or not, the drawn shape waiting on the map gives way to the layer's data
            form.addOpenedChangeListener(o -> {
                if (!o.isOpened()) {
                    map.refreshLayer(e.layerId());
                }
            });
            form.open();
            return form;
        }
        saveShape(of.get(), Long.parseLong(featureId.get()), geometry);
        return null;
    }

    private void saveShape(Layer of, long featureId, String geometry) {
        try {
            Optional<GisFeature> now = services.features().get(user, featureId);
            if (now.isEmpty()) {
                GisUi.error(getTranslation("gis.ui.viewer.gone"));
            } else {
                GisFeature saved = services.features().update(user, featureId, now.get().version(),
                        new FeatureInput(geometry, now.get().attributes()));
                GisUi.success(getTranslation("gis.ui.viewer.shapeSaved", saved.id()));
                show.accept(of, saved);
            }
        } catch (EditConflictException ex) {
            EditConflicts.show(this, () -> map.refreshLayer(ViewerLayers.id(of)));
        } catch (GisException ex) {
            GisUi.error(GisUi.reason(this, ex));
        } catch (RuntimeException ex) {
            GisUi.error(getTranslation("gis.ui.failed", UiSupport.logFailure(LOG, "Saving a GIS object's shape failed", ex)));
        }
        map.refreshLayer(ViewerLayers.id(of));
    }

    private void saved(Layer of, GisFeature saved) {
        if (saved != null) {
            GisUi.success(getTranslation("gis.ui.objects.saved", saved.id()));
            map.refreshLayer(ViewerLayers.id(of));
            show.accept(of, saved);
        }
    }

    private void confirmDelete(Layer of, GisFeature feature) {
        GisUi.confirmDelete(this, "gis-delete-confirm", getTranslation("gis.ui.objects.deleteTitle", feature.id()),
                getTranslation("gis.ui.objects.deleteText"), "gis.ui.objects.delete", () -> delete(of, feature));
    }

    void delete(Layer of, GisFeature feature) {
        try {
            services.features().delete(user, feature.id(), feature.version());
            GisUi.success(getTranslation("gis.ui.objects.deletedDone", feature.id()));
            hide.run();
        } catch (EditConflictException ex) {
            EditConflicts.show(this, () -> map.refreshLayer(ViewerLayers.id(of)));
        } catch (GisException ex) {
            GisUi.error(GisUi.reason(this, ex));
        } catch (RuntimeException ex) {
            GisUi.error(getTranslation("gis.ui.failed", UiSupport.logFailure(LOG, "Deleting a GIS object failed", ex)));
        }
        map.refreshLayer(ViewerLayers.id(of));
    }
}
