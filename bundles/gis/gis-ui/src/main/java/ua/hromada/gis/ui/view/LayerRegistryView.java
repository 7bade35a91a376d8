package ua.hromada.gis.ui.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;

import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.GisLayers;
import ua.hromada.gis.api.GisPermissions;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.api.LayerGroup;
import ua.hromada.gis.api.ValidationError;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.jdbc.EditConflictException;
import ua.hromada.portal.api.security.Roles;
import ua.hromada.portal.ui.support.EditConflicts;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * {@code gis/layers}: the layer registry. Groups of the layer tree (add, rename, order, delete) and
 * the layers (add, edit in {@link LayerForm}, delete an empty one).
 */
public class LayerRegistryView extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(LayerRegistryView.class);

    private final transient GisLayers layers;
    private final transient Roles roles;
    private final transient PortalUser admin;
    private final Grid<LayerGroup> groupGrid = new Grid<>();
    private final Grid<Layer> layerGrid = new Grid<>();
    private transient List<LayerGroup> groups = List.of();
    private transient List<Layer> all = List.of();

    /** {@code roles} may be null (the portal's roles service absent): the owner unit is then typed in. */
    public LayerRegistryView(GisLayers layers, Roles roles, PortalUser admin) {
        this.layers = layers;
        this.roles = roles;
        this.admin = admin;
        setId("gis-layers");
        setSizeFull();
        if (admin == null || !admin.hasPermission(GisPermissions.ADMINISTER)) {
            add(GisUi.noAccess(this));
            return;
        }
        Button addGroup = new Button(getTranslation("gis.ui.group.add"), VaadinIcon.PLUS.create(), e -> editGroup(null));
        addGroup.setId("gis-group-add");
        groupGrid.setId("gis-groups");
        groupGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        groupGrid.setAllRowsVisible(true);
        groupGrid.addColumn(LayerGroup::title).setHeader(getTranslation("gis.ui.group.title")).setFlexGrow(3);
        groupGrid.addColumn(LayerGroup::key).setHeader(getTranslation("gis.ui.group.key")).setAutoWidth(true);
        groupGrid.addComponentColumn(this::groupActions).setAutoWidth(true).setFlexGrow(0);
        groupGrid.setEmptyStateText(getTranslation("gis.ui.group.empty"));

        Button addLayer = new Button(getTranslation("gis.ui.layer.add"), VaadinIcon.PLUS.create(), e -> editLayer(null));
        addLayer.setId("gis-layer-add");
        addLayer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        layerGrid.setId("gis-layer-grid");
        layerGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        layerGrid.addColumn(Layer::title).setHeader(getTranslation("gis.ui.layer.title")).setFlexGrow(3).setSortable(true);
        layerGrid.addColumn(Layer::key).setHeader(getTranslation("gis.ui.layer.key")).setAutoWidth(true);
        layerGrid.addColumn(l -> groupTitle(l.groupId())).setHeader(getTranslation("gis.ui.layer.group")).setAutoWidth(true);
        layerGrid.addColumn(l -> getTranslation("gis.ui.geometry." + l.geometryType().name()))
                .setHeader(getTranslation("gis.ui.layer.geometry")).setAutoWidth(true);
        layerGrid.addColumn(l -> getTranslation("gis.ui.visibility." + l.visibility().name()))
                .setHeader(getTranslation("gis.ui.layer.visibility")).setAutoWidth(true);
        layerGrid.addColumn(l -> l.ownerUnit() == null ? "" : l.ownerUnit()).setHeader(getTranslation("gis.ui.layer.owner"))
                .setAutoWidth(true);
        layerGrid.addColumn(l -> l.attributes().size()).setHeader(getTranslation("gis.ui.layer.attributes")).setAutoWidth(true);
        layerGrid.addComponentColumn(this::layerActions).setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        layerGrid.addItemDoubleClickListener(e -> editLayer(e.getItem()));
        layerGrid.setEmptyStateText(getTranslation("gis.ui.layer.empty"));
        layerGrid.setMinHeight("20rem");

        add(new H2(getTranslation("gis.ui.layers.title")), new H3(getTranslation("gis.ui.groups.title")), addGroup, groupGrid,
                new H3(getTranslation("gis.ui.layers.list")), addLayer, layerGrid);
        reload();
    }

    private void reload() {
        groups = layers.groups(admin).stream().sorted(Comparator.comparingInt(LayerGroup::position)
                .thenComparing(LayerGroup::title)).toList();
        all = layers.layers(admin);
        groupGrid.setItems(groups);
        Map<Long, Integer> order = groups.stream().collect(Collectors.toMap(LayerGroup::id, LayerGroup::position));
        layerGrid.setItems(all.stream().sorted(Comparator.comparing((Layer l) -> l.groupId() == null ? Integer.MAX_VALUE
                : order.getOrDefault(l.groupId(), Integer.MAX_VALUE)).thenComparing(Layer::title)).toList());
    }

    private String groupTitle(Long id) {
        return id == null ? "" : groups.stream().filter(g -> g.id() == id).map(LayerGroup::title).findFirst().orElse("");
    }

    private HorizontalLayout groupActions(LayerGroup g) {
        int i = groups.indexOf(g);
        Button up = GisUi.iconButton(this, VaadinIcon.ARROW_UP, "gis.ui.up", () -> swap(i, i - 1));
        up.setEnabled(i > 0);
        up.setId("gis-group-up-" + g.key());
        Button down = GisUi.iconButton(this, VaadinIcon.ARROW_DOWN, "gis.ui.down", () -> swap(i, i + 1));
        down.setEnabled(i < groups.size() - 1);
        down.setId("gis-group-down-" + g.key());
        Button rename = GisUi.iconButton(this, VaadinIcon.EDIT, "gis.ui.group.rename", () -> editGroup(g));
        rename.setId("gis-group-rename-" + g.key());
        Button delete = GisUi.iconButton(this, VaadinIcon.TRASH, "gis.ui.delete", () -> confirm(getTranslation("gis.ui.group.deleteTitle",
                g.title()), () -> layers.deleteGroup(admin, g.id(), g.version())));
        delete.setId("gis-group-delete-" + g.key());
        return new HorizontalLayout(up, down, rename, delete);
    }

    private HorizontalLayout layerActions(Layer l) {
        Button edit = GisUi.iconButton(this, VaadinIcon.EDIT, "gis.ui.layer.editButton", () -> editLayer(l));
        edit.setId("gis-layer-edit-" + l.key());
        Button delete = GisUi.iconButton(this, VaadinIcon.TRASH, "gis.ui.delete", () -> confirm(getTranslation("gis.ui.layer.deleteTitle",
                l.title()), () -> layers.deleteLayer(admin, l.id(), l.version())));
        delete.setId("gis-layer-delete-" + l.key());
        return new HorizontalLayout(edit, delete);
    }

    /** Moves a group one place: both groups get their new positions (0, 1, 2, ... in the new order). */
    private void swap(int i, int j) {
        if (j < 0 || j >= groups.size()) {
            return;
        }
        List<LayerGroup> order = new ArrayList<>(groups);
        LayerGroup moved = order.remove(i);
        order.add(j, moved);
        change(() -> {
            for (int p = 0; p < order.size(); p++) {
                LayerGroup g = order.get(p);
                if (g.position() != p) {
                    layers.saveGroup(admin, new LayerGroup(g.id(), g.key(), g.title(), p, g.version()));
                }
            }
        }, null);
    }

    private void editGroup(LayerGroup g) {
        Dialog d = new Dialog();
        d.setId("gis-group-form");
        d.setHeaderTitle(getTranslation(g == null ? "gis.ui.group.add" : "gis.ui.group.rename"));
        TextField key = new TextField(getTranslation("gis.ui.group.key"));
        key.setId("gis-group-key");
        key.setHelperText(getTranslation("gis.ui.layer.keyHelp"));
        key.setValue(g == null ? "" : g.key());
        key.setReadOnly(g != null);
        TextField title = new TextField(getTranslation("gis.ui.group.title"));
        title.setId("gis-group-title");
        title.setValue(g == null ? "" : g.title());
        title.setRequiredIndicatorVisible(true);
        title.setWidth("22rem");
        Paragraph error = new Paragraph();
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        d.add(new VerticalLayout(key, title, error));
        Button save = new Button(getTranslation("gis.ui.save"), e -> {
            key.setInvalid(false);
            title.setInvalid(false);
            LayerGroup value = g == null ? new LayerGroup(key.getValue().strip(), title.getValue().strip(), groups.size())
                    : new LayerGroup(g.id(), g.key(), title.getValue().strip(), g.position(), g.version());
            try {
                layers.saveGroup(admin, value);
                d.close();
                reload();
            } catch (EditConflictException ex) {
                EditConflicts.show(this, () -> {
                    d.close();
                    reload();
                });
            } catch (GisException ex) {
                List<String> other = new ArrayList<>();
                for (ValidationError v : ex.errors()) {
                    TextField f = "key".equals(v.field()) ? key : "title".equals(v.field()) ? title : null;
                    if (f == null) {
                        other.add(GisUi.text(this, v));
                    } else {
                        f.setInvalid(true);
                        f.setErrorMessage(GisUi.text(this, v));
                    }
                }
                error.setText(ex.errors().isEmpty() ? GisUi.reason(this, ex) : String.join(" ", other));
            } catch (RuntimeException ex) {
                error.setText(getTranslation("gis.ui.failed", UiSupport.logFailure(LOG, "Saving a GIS group failed", ex)));
            }
        });
        save.setId("gis-group-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER).listenOn(d);
        Button cancel = new Button(getTranslation("gis.ui.cancel"), e -> d.close());
        d.getFooter().add(cancel, save);
        d.open();
        (g == null ? key : title).focus();
    }

    private void editLayer(Layer l) {
        List<String> units = roles == null ? List.of()
                : roles.list().stream().map(Roles.RoleDefinition::name).sorted().toList();
        new LayerForm(layers, admin, l, groups, all, units, saved -> {
            if (saved != null) {
                GisUi.success(getTranslation("gis.ui.layer.saved", saved.title()));
            }
            reload();
        }).open();
    }

    private void confirm(String header, Runnable action) {
        GisUi.confirmDelete(this, "gis-confirm", header, getTranslation("gis.ui.deleteText"), "gis.ui.delete",
                () -> change(action, getTranslation("gis.ui.deleted")));
    }

    /** Runs a change of the registry and reloads; refusals shown in plain words. */
    private void change(Runnable action, String done) {
        try {
            action.run();
            if (done != null) {
                GisUi.success(done);
            }
        } catch (EditConflictException e) {
            EditConflicts.show(this, this::reload);
        } catch (GisException e) {
            GisUi.error(GisUi.reason(this, e));
        } catch (RuntimeException e) {
            GisUi.error(getTranslation("gis.ui.failed", UiSupport.logFailure(LOG, "A change of the GIS registry failed", e)));
        }
        reload();
    }
}
