package ua.hromada.gis.ui.view;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.streams.DownloadHandler;

import ua.hromada.gis.api.AttributeDefinition;
import ua.hromada.gis.api.FeatureQuery;
import ua.hromada.gis.api.GeometryType;
import ua.hromada.gis.api.GisAttachments;
import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.GisFeature;
import ua.hromada.gis.api.GisFeatures;
import ua.hromada.gis.api.GisLayers;
import ua.hromada.gis.api.GisPermissions;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.exchange.ExportFormat;
import ua.hromada.gis.exchange.GisExchange;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.calendar.DisplayFormats;
import ua.hromada.portal.api.jdbc.EditConflictException;
import ua.hromada.portal.ui.support.EditConflicts;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * {@code gis/objects}: the objects of one layer, paged from the service, with an attribute filter
 * and a text search; open, create (points by coordinates; any shape drawn on the viewer's map,
 * {@code gis/map?draw=<key>}), edit, delete, history with restore, the
 * deleted objects, and the export of what the filter shows.
 */
public class FeaturesView extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(FeaturesView.class);

    private final transient GisLayers layers;
    private final transient GisFeatures features;
    private final transient GisAttachments attachments;
    private final transient GisExchange exchange;
    private final transient PortalUser user;
    private final ZoneId zone;
    private final ComboBox<Layer> layerBox = new ComboBox<>();
    private final ComboBox<AttributeDefinition> filterAttribute = new ComboBox<>();
    private final TextField filterValue = new TextField();
    private final TextField search = new TextField();
    private final Button create = new Button();
    private final Button draw = new Button();
    private final Button deleted = new Button();
    private final HorizontalLayout exports = new HorizontalLayout();
    private final Paragraph total = new Paragraph();
    private Grid<GisFeature> grid = new Grid<>();
    private transient Layer layer;

    public FeaturesView(GisLayers layers, GisFeatures features, GisAttachments attachments, GisExchange exchange,
            PortalUser user, ZoneId zone) {
        this.layers = layers;
        this.features = features;
        this.attachments = attachments;
        this.exchange = exchange;
        this.user = user;
        this.zone = zone;
        setId("gis-objects");
        setSizeFull();
        if (user == null || !user.hasPermission(GisPermissions.VIEW) && !user.hasPermission(GisPermissions.EDIT)
                && !user.hasPermission(GisPermissions.ADMINISTER)) {
            add(GisUi.noAccess(this));
            return;
        }
        List<Layer> all = layers.layers(user).stream().sorted(Comparator.comparing(Layer::title)).toList();
        layerBox.setId("gis-objects-layer");
        layerBox.setLabel(getTranslation("gis.ui.objects.layer"));
        layerBox.setItems(all);
        layerBox.setItemLabelGenerator(Layer::title);
        layerBox.setWidth("22rem");
        layerBox.addValueChangeListener(e -> show(e.getValue()));

        filterAttribute.setId("gis-objects-filter-attribute");
        filterAttribute.setLabel(getTranslation("gis.ui.objects.filterAttribute"));
        filterAttribute.setItemLabelGenerator(AttributeDefinition::label);
        filterAttribute.setClearButtonVisible(true);
        filterAttribute.addValueChangeListener(e -> refresh());
        filterValue.setId("gis-objects-filter-value");
        filterValue.setLabel(getTranslation("gis.ui.objects.filterValue"));
        filterValue.setValueChangeMode(ValueChangeMode.LAZY);
        filterValue.addValueChangeListener(e -> refresh());
        search.setId("gis-objects-search");
        search.setLabel(getTranslation("gis.ui.objects.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());

        create.setText(getTranslation("gis.ui.objects.create"));
        create.setId("gis-objects-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> new FeatureForm(features, user, layer, null, true, this::saved).open());
        // any shape, and the only way to a line or a polygon: drawn on the viewer's map, this layer chosen
        draw.setText(getTranslation("gis.ui.objects.draw"));
        draw.setId("gis-objects-draw");
        draw.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(MapViewerView.DRAW_ROUTE,
                QueryParameters.of(MapViewerView.DRAW_PARAMETER, layer.key()))));
        deleted.setText(getTranslation("gis.ui.objects.deleted"));
        deleted.setId("gis-objects-deleted");
        deleted.addClickListener(e -> openDialog(() -> HistoryDialog.deleted(features, user, layer, zone, editable(),
                this::saved)));
        total.setId("gis-objects-total");

        HorizontalLayout filters = new HorizontalLayout(layerBox, filterAttribute, filterValue, search);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        HorizontalLayout actions = new HorizontalLayout(create, draw, deleted, exports);
        actions.setWrap(true);
        add(new H2(getTranslation("gis.ui.objects.title")), filters, actions, total, grid);
        if (all.isEmpty()) {
            total.setText(getTranslation("gis.ui.objects.noLayers"));
        }
        if (all.isEmpty()) {
            show(null);
        } else {
            layerBox.setValue(all.get(0));
        }
    }

    private boolean editable() {
        return layer != null && layers.canEdit(user, layer);
    }

    /** Builds the grid's columns from the layer's schema. */
    private void show(Layer chosen) {
        layer = chosen;
        Grid<GisFeature> fresh = new Grid<>();
        fresh.setId("gis-objects-grid");
        fresh.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        fresh.setSizeFull();
        fresh.setPageSize(50);
        fresh.setEmptyStateText(getTranslation(chosen == null ? "gis.ui.objects.chooseLayer" : "gis.ui.objects.empty"));
        replace(grid, fresh);
        grid = fresh;
        boolean layerChosen = chosen != null;
        filterAttribute.setItems(layerChosen ? chosen.attributes() : List.of());
        filterAttribute.clear();
        create.setVisible(layerChosen && editable() && chosen.geometryType() == GeometryType.POINT);
        draw.setVisible(layerChosen && editable());
        deleted.setVisible(layerChosen);
        exports.removeAll();
        if (!layerChosen) {
            grid.setItems(List.of());
            return;
        }
        grid.addColumn(GisFeature::id).setHeader("№").setAutoWidth(true).setFlexGrow(0);
        for (AttributeDefinition a : chosen.attributes()) {
            grid.addColumn(f -> AttributeValues.display(f.attributes().get(a.name()))).setHeader(a.label())
                    .setAutoWidth(true).setResizable(true);
        }
        grid.addColumn(f -> DisplayFormats.dateTime(f.updatedAt(), zone)).setHeader(getTranslation("gis.ui.objects.updated"))
                .setAutoWidth(true).setFlexGrow(0);
        // frozen at the end, as the portal's other action columns: a layer with many attributes is
        // wider than the screen, and a half-visible button would scroll away from under the pointer
        grid.addComponentColumn(this::rowActions).setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.addItemDoubleClickListener(e -> open(e.getItem()));
        refresh();
    }

    private HorizontalLayout rowActions(GisFeature f) {
        Button open = new Button(VaadinIcon.EDIT.create(), e -> open(f));
        open.getElement().setAttribute("aria-label", getTranslation("gis.ui.objects.open"));
        open.setId("gis-open-" + f.id());
        Button history = new Button(VaadinIcon.CLOCK.create(),
                e -> openDialog(() -> HistoryDialog.history(features, user, layer, f, zone, editable(), this::saved)));
        history.getElement().setAttribute("aria-label", getTranslation("gis.ui.objects.history"));
        history.setId("gis-history-" + f.id());
        Button files = new Button(VaadinIcon.PAPERCLIP.create(),
                e -> openDialog(() -> new AttachmentsDialog(attachments, user, f, editable(), zone)));
        files.getElement().setAttribute("aria-label", getTranslation("gis.ui.objects.attachments"));
        files.setTooltipText(getTranslation("gis.ui.objects.attachments"));
        files.setId("gis-attachments-" + f.id());
        HorizontalLayout box = new HorizontalLayout(open, history, files);
        if (editable()) {
            Button delete = new Button(VaadinIcon.TRASH.create(), e -> confirmDelete(f));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            delete.getElement().setAttribute("aria-label", getTranslation("gis.ui.objects.delete"));
            delete.setId("gis-delete-" + f.id());
            box.add(delete);
        }
        box.getChildren().forEach(c -> ((Button) c).addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY));
        return box;
    }

    /** Opens a dialog whose contents the service gives; a refusal (e.g. the object is gone) in plain words. */
    private void openDialog(java.util.function.Supplier<com.vaadin.flow.component.dialog.Dialog> dialog) {
        try {
            dialog.get().open();
        } catch (GisException e) {
            GisUi.error(GisUi.reason(this, e));
            refresh();
        }
    }

    private void open(GisFeature f) {
        new FeatureForm(features, user, layer, f, editable(), this::saved).open();
    }

    private void confirmDelete(GisFeature f) {
        GisUi.confirmDelete(this, "gis-delete-confirm", getTranslation("gis.ui.objects.deleteTitle", f.id()),
                getTranslation("gis.ui.objects.deleteText"), "gis.ui.objects.delete", () -> delete(f));
    }

    private void delete(GisFeature f) {
        try {
            features.delete(user, f.id(), f.version());
            GisUi.success(getTranslation("gis.ui.objects.deletedDone", f.id()));
            refresh();
        } catch (EditConflictException ex) {
            EditConflicts.show(this, this::refresh);
        } catch (GisException ex) {
            GisUi.error(GisUi.reason(this, ex));
        } catch (RuntimeException ex) {
            GisUi.error(getTranslation("gis.ui.failed", UiSupport.logFailure(LOG, "Deleting a GIS object failed", ex)));
        }
    }

    private void saved(GisFeature f) {
        if (f != null) {
            GisUi.success(getTranslation("gis.ui.objects.saved", f.id()));
        }
        refresh();
    }

    /** The query the filter fields describe (first page; the grid pages on). */
    private FeatureQuery query() {
        FeatureQuery q = FeatureQuery.all(layer.id());
        AttributeDefinition a = filterAttribute.getValue();
        if (a != null && !filterValue.getValue().isBlank()) {
            q = q.where(Map.of(a.name(), filterValue.getValue().strip()));
        }
        if (!search.getValue().isBlank()) {
            q = q.matching(search.getValue().strip());
        }
        return q;
    }

    private void refresh() {
        if (layer == null) {
            return;
        }
        FeatureQuery q = query();
        try {
            long count = features.count(user, q);
            showExports(q);
            total.setText(getTranslation("gis.ui.objects.count", count));
            total.getElement().setAttribute("data-count", Long.toString(count));
            grid.setItems(p -> features.query(user, q.page(p.getOffset(), Math.min(p.getLimit(), FeatureQuery.MAX_LIMIT)))
                    .items().stream(), p -> (int) Math.min(Integer.MAX_VALUE, features.count(user, q)));
        } catch (GisException e) {
            total.setText(GisUi.reason(this, e));
            grid.setItems(List.of());
        }
    }

    /** The download links of what the filter shows now (the query is fixed in the link). */
    private void showExports(FeatureQuery q) {
        exports.removeAll();
        for (ExportFormat f : ExportFormat.values()) {
            Anchor a = new Anchor(export(f, q), AttachmentType.DOWNLOAD, "");
            a.add(new Button(getTranslation("gis.ui.export." + f.name()), VaadinIcon.DOWNLOAD.create()));
            a.setId("gis-export-" + f.name().toLowerCase(Locale.ROOT));
            exports.add(a);
        }
    }

    private DownloadHandler export(ExportFormat format, FeatureQuery q) {
        return FeatureExport.download(exchange, features, user, layer, q, format);
    }
}
