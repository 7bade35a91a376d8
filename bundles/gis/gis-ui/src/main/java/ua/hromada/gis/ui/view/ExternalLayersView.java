package ua.hromada.gis.ui.view;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import ua.hromada.gis.api.ExternalLayer;
import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.GisExternalLayers;
import ua.hromada.gis.api.GisLayers;
import ua.hromada.gis.api.GisPermissions;
import ua.hromada.gis.api.LayerGroup;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.jdbc.EditConflictException;
import ua.hromada.portal.ui.support.EditConflicts;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * {@code gis/external}: the external layers (WMS, WMTS, XYZ of state geoportals and agencies) of the
 * community — listed, added and changed in {@link ExternalLayerForm}, deleted after a confirmation.
 * The registry's rules and the capabilities reader are {@link GisExternalLayers}'.
 */
public class ExternalLayersView extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ExternalLayersView.class);

    private final transient GisExternalLayers externals;
    private final transient GisLayers layers;
    private final transient PortalUser admin;
    private final Grid<ExternalLayer> grid = new Grid<>();
    private transient List<LayerGroup> groups = List.of();

    public ExternalLayersView(GisExternalLayers externals, GisLayers layers, PortalUser admin) {
        this.externals = externals;
        this.layers = layers;
        this.admin = admin;
        setId("external-layers-view");
        setSizeFull();
        if (admin == null || !admin.hasPermission(GisPermissions.ADMINISTER)) {
            add(GisUi.noAccess(this));
            return;
        }
        Button add = new Button(getTranslation("gis.ui.external.add"), VaadinIcon.PLUS.create(), e -> edit(null));
        add.setId("external-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("external-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(ExternalLayer::title).setHeader(getTranslation("gis.ui.external.title")).setFlexGrow(2)
                .setSortable(true);
        grid.addColumn(l -> getTranslation("gis.ui.external.kind." + l.kind().name()))
                .setHeader(getTranslation("gis.ui.external.kind")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ExternalLayer::url).setHeader(getTranslation("gis.ui.external.url")).setFlexGrow(3);
        grid.addColumn(l -> String.join(", ", l.layerNames())).setHeader(getTranslation("gis.ui.external.layerNames"))
                .setFlexGrow(2);
        grid.addColumn(l -> getTranslation("gis.ui.visibility." + l.visibility().name()))
                .setHeader(getTranslation("gis.ui.external.visibility")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(l -> getTranslation(l.proxied() ? "gis.ui.external.proxiedShort" : "gis.ui.external.linkedShort"))
                .setHeader(getTranslation("gis.ui.external.delivery")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(l -> groupTitle(l.groupId())).setHeader(getTranslation("gis.ui.external.group")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.addItemDoubleClickListener(e -> edit(e.getItem()));
        grid.setEmptyStateText(getTranslation("gis.ui.external.empty"));
        grid.setMinHeight("20rem");

        add(new H2(getTranslation("gis.ui.external.heading")), new Paragraph(getTranslation("gis.ui.external.intro")), add,
                grid);
        reload();
    }

    private void reload() {
        groups = layers.groups(admin);
        grid.setItems(externals.layers(admin));
    }

    private String groupTitle(Long id) {
        return id == null ? "" : groups.stream().filter(g -> g.id() == id).map(LayerGroup::title).findFirst().orElse("");
    }

    private HorizontalLayout actions(ExternalLayer l) {
        Button edit = GisUi.iconButton(this, VaadinIcon.EDIT, "gis.ui.external.editButton", () -> edit(l));
        edit.setId("external-edit-" + l.key());
        Button delete = GisUi.iconButton(this, VaadinIcon.TRASH, "gis.ui.delete", () -> confirmDelete(l));
        delete.setId("external-delete-" + l.key());
        return new HorizontalLayout(edit, delete);
    }

    private void edit(ExternalLayer l) {
        new ExternalLayerForm(externals, admin, l, groups, saved -> {
            if (saved != null) {
                GisUi.success(getTranslation("gis.ui.external.saved", saved.title()));
            }
            reload();
        }).open();
    }

    /** The confirmation before deleting (returned for the tests, which confirm it without a browser). */
    ConfirmDialog confirmDelete(ExternalLayer l) {
        return GisUi.confirmDelete(this, "external-confirm", getTranslation("gis.ui.external.deleteTitle", l.title()),
                getTranslation("gis.ui.external.deleteText"), "gis.ui.delete", () -> delete(l));
    }

    /** Deletes the layer as it was read (its version); a refusal or a conflict in words. */
    private void delete(ExternalLayer l) {
        try {
            externals.delete(admin, l.id(), l.version());
            GisUi.success(getTranslation("gis.ui.external.deleted", l.title()));
        } catch (EditConflictException e) {
            EditConflicts.show(this, this::reload);
        } catch (GisException e) {
            GisUi.error(GisUi.reason(this, e));
        } catch (RuntimeException e) {
            GisUi.error(getTranslation("gis.ui.failed", UiSupport.logFailure(LOG, "Deleting an external layer failed", e)));
        }
        reload();
    }
}
