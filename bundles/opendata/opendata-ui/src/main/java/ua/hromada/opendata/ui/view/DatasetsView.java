package ua.hromada.opendata.ui.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.QueryParameters;

import ua.hromada.opendata.api.OpendataPermissions;
import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.DatasetQuery;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.RegistryActions;
import ua.hromada.opendata.api.RegistryActions.BulkResult;
import ua.hromada.opendata.api.DatasetRegistry;
import ua.hromada.opendata.api.UpdateFrequency;
import ua.hromada.portal.api.PortalUser;

/**
 * {@code opendata/datasets}: the registry as a lazy grid (pages fetched as it scrolls) with filters
 * on text, manager, tag, format, published and frequency; the filters travel in the address.
 */
public class DatasetsView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    static final int PAGE = 50;

    private final transient DatasetRegistry registry;
    private final transient PortalUser user;
    private final TextField text = new TextField();
    private final ComboBox<DataManager> manager = new ComboBox<>();
    private final ComboBox<String> tag = new ComboBox<>();
    private final ComboBox<String> format = new ComboBox<>();
    private final List<String> tags = new ArrayList<>();
    private final List<String> formatItems = new ArrayList<>(DatasetView.FORMATS);
    private final Select<String> published = new Select<>();
    private final Select<UpdateFrequency> frequency = new Select<>();
    private final Grid<Dataset> grid = new Grid<>();
    private final Span count = new Span();
    private final Paragraph bulkStatus = new Paragraph();
    private final transient RegistryActions actions;
    private DatasetQuery query = DatasetQuery.all();
    /** True while the fields are filled from the address (their change events are not new filters). */
    private boolean loading;

    public DatasetsView(DatasetRegistry registry, RegistryActions actions, PortalUser user) {
        this.registry = registry;
        this.actions = actions;
        this.user = user;
        setId("opendata-datasets");
        setSizeFull();
        if (!OpendataPermissions.canRead(user)) {
            add(OpendataUi.noAccess(this));
            return;
        }
        HorizontalLayout head = new HorizontalLayout(new H2(getTranslation("opendata.ui.datasets.title")));
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (OpendataPermissions.canEdit(user)) {
            Button add = new Button(getTranslation("opendata.ui.datasets.add"), VaadinIcon.PLUS.create(),
                    e -> UI.getCurrent().navigate(OpendataUi.DATASET_ROUTE + OpendataUi.NEW));
            add.setId("opendata-datasets-add");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            head.add(add);
        }
        add(head, filters(), count);
        count.setId("opendata-list-count");
        if (OpendataPermissions.canEdit(user)) {
            add(bulkBar());
        }

        // long titles wrap instead of being cut off
        OpendataUi.listGrid(grid, "opendata-datasets-grid");
        grid.addComponentColumn(d -> {
            Anchor a = new Anchor(OpendataUi.DATASET_ROUTE + d.id(), d.title());
            a.addClassName("opendata-row-title");
            a.getElement().setAttribute("data-identifier", d.identifier());
            return a;
        }).setHeader(getTranslation("opendata.ui.field.title")).setFlexGrow(4);
        grid.addColumn(Dataset::identifier).setHeader(getTranslation("opendata.ui.field.identifier")).setFlexGrow(2);
        grid.addColumn(Dataset::managerName).setHeader(getTranslation("opendata.ui.field.manager")).setFlexGrow(3);
        grid.addColumn(d -> String.join(", ", d.formats())).setHeader(getTranslation("opendata.ui.field.formats"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> getTranslation(d.frequency().messageKey())).setHeader(getTranslation("opendata.ui.field.frequency"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> OpendataUi.dateTime(d.lastModifiedAt())).setHeader(getTranslation("opendata.ui.field.lastModified"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(d -> {
            Span s = new Span(getTranslation(d.published() ? "opendata.ui.published" : "opendata.ui.draft"));
            s.getElement().getThemeList().add(d.published() ? "badge success" : "badge contrast");
            return s;
        }).setHeader(getTranslation("opendata.ui.field.published")).setAutoWidth(true).setFlexGrow(0);
        // rows are told apart by id, so a selection survives a refresh of the page of rows
        grid.setItems(new CallbackDataProvider<Dataset, Void>(
                q -> registry.datasets(user, DatasetFilters.page(query, q.getOffset(), q.getLimit())).stream(),
                q -> count(), Dataset::id));
        grid.setPageSize(PAGE);
        grid.setEmptyStateText(getTranslation("opendata.ui.datasets.empty"));
        add(grid);
        expand(grid);
    }

    /** Publish, withdraw or delete the selected datasets (stewards). */
    private HorizontalLayout bulkBar() {
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        Span selected = new Span();
        selected.setId("opendata-bulk-selected");
        Button publish = new Button(getTranslation("opendata.ui.bulk.publish"), e -> bulk(Bulk.PUBLISH));
        publish.setId("opendata-bulk-publish");
        Button unpublish = new Button(getTranslation("opendata.ui.bulk.unpublish"), e -> bulk(Bulk.UNPUBLISH));
        unpublish.setId("opendata-bulk-unpublish");
        Button delete = new Button(getTranslation("opendata.ui.bulk.delete"), VaadinIcon.TRASH.create(),
                e -> Confirm.ask(this, getTranslation("opendata.ui.bulk.deleteTitle"),
                        getTranslation("opendata.ui.bulk.deleteText", grid.getSelectedItems().size()), "opendata.ui.delete",
                        () -> bulk(Bulk.DELETE)));
        delete.setId("opendata-bulk-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        List<Button> buttons = List.of(publish, unpublish, delete);
        buttons.forEach(b -> b.setEnabled(false));
        grid.addSelectionListener(e -> {
            int n = e.getAllSelectedItems().size();
            selected.setText(n == 0 ? "" : getTranslation("opendata.ui.bulk.selected", n));
            buttons.forEach(b -> b.setEnabled(n > 0));
        });
        bulkStatus.setId("opendata-bulk-status");
        bulkStatus.getStyle().set("white-space", "pre-wrap").set("margin", "0");
        HorizontalLayout bar = new HorizontalLayout(publish, unpublish, delete, selected);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        VerticalLayout box = new VerticalLayout(bar, bulkStatus);
        box.setPadding(false);
        box.setSpacing(false);
        return new HorizontalLayout(box);
    }

    private enum Bulk {
        PUBLISH, UNPUBLISH, DELETE
    }

    private void bulk(Bulk action) {
        List<Long> ids = grid.getSelectedItems().stream().map(Dataset::id).toList();
        if (ids.isEmpty()) {
            return;
        }
        BulkResult r;
        try {
            r = switch (action) {
                case PUBLISH -> actions.setPublished(user, ids, true);
                case UNPUBLISH -> actions.setPublished(user, ids, false);
                case DELETE -> actions.deleteDatasets(user, ids);
            };
        } catch (OpendataException e) {
            OpendataUi.error(OpendataUi.reason(this, e));
            return;
        }
        StringBuilder text = new StringBuilder(getTranslation("opendata.ui.bulk.done." + action.name(), r.done()));
        for (RegistryActions.Refusal refusal : r.refused()) {
            text.append('\n').append(getTranslation("opendata.ui.bulk.refused", refusal.title(),
                    OpendataUi.reason(this, refusal.reason())));
        }
        bulkStatus.setText(text.toString());
        bulkStatus.getElement().setAttribute("data-done", Integer.toString(r.done()));
        bulkStatus.getStyle().set("color", r.refused().isEmpty() ? null : "var(--lumo-error-text-color)");
        if (r.refused().isEmpty()) {
            OpendataUi.success(text.toString());
        }
        grid.deselectAll();
        grid.getDataProvider().refreshAll();
    }

    private HorizontalLayout filters() {
        text.setPlaceholder(getTranslation("opendata.ui.datasets.search"));
        text.setId("opendata-f-text");
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        text.setWidth("18rem");
        manager.setPlaceholder(getTranslation("opendata.ui.field.manager"));
        manager.setId("opendata-f-manager");
        manager.setItems(registry.managers(user));
        manager.setItemLabelGenerator(DataManager::name);
        manager.setClearButtonVisible(true);
        tag.setPlaceholder(getTranslation("opendata.ui.field.tags"));
        tag.setId("opendata-f-tag");
        registry.tags().forEach(t -> tags.add(t.tag()));
        tag.setItems(tags);
        tag.setAllowCustomValue(true);
        tag.addCustomValueSetListener(e -> offer(tag, tags, blankToNull(e.getDetail())));
        tag.setClearButtonVisible(true);
        format.setPlaceholder(getTranslation("opendata.ui.field.formats"));
        format.setId("opendata-f-format");
        format.setItems(formatItems);
        format.setAllowCustomValue(true);
        format.addCustomValueSetListener(e -> offer(format, formatItems,
                blankToNull(e.getDetail()) == null ? null : e.getDetail().strip().toUpperCase(Locale.ROOT)));
        format.setClearButtonVisible(true);
        format.setWidth("9rem");
        published.setId("opendata-f-published-filter");
        published.setItems("", "true", "false");
        published.setItemLabelGenerator(v -> getTranslation(v.isEmpty() ? "opendata.ui.datasets.any"
                : "true".equals(v) ? "opendata.ui.published" : "opendata.ui.draft"));
        published.setValue("");
        published.setWidth("11rem");
        frequency.setId("opendata-f-frequency");
        frequency.setItems(UpdateFrequency.values());
        frequency.setItemLabelGenerator(f -> f == null ? getTranslation("opendata.ui.datasets.anyFrequency")
                : getTranslation(f.messageKey()));
        frequency.setEmptySelectionAllowed(true);
        frequency.setEmptySelectionCaption(getTranslation("opendata.ui.datasets.anyFrequency"));
        Button reset = new Button(getTranslation("opendata.ui.datasets.reset"), e -> apply(DatasetQuery.all()));
        reset.setId("opendata-f-reset");
        reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        text.addValueChangeListener(e -> changed());
        manager.addValueChangeListener(e -> changed());
        tag.addValueChangeListener(e -> changed());
        format.addValueChangeListener(e -> changed());
        published.addValueChangeListener(e -> changed());
        frequency.addValueChangeListener(e -> changed());
        HorizontalLayout row = new HorizontalLayout(text, manager, tag, format, published, frequency, reset);
        row.setWrap(true);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private int count() {
        long n = registry.countDatasets(user, query);
        count.setText(getTranslation("opendata.ui.datasets.count", n));
        count.getElement().setAttribute("data-count", Long.toString(n));
        return (int) Math.min(n, Integer.MAX_VALUE);
    }

    private void changed() {
        if (loading) {
            return;
        }
        String p = published.getValue();
        DatasetQuery q = new DatasetQuery(blankToNull(text.getValue()), manager.getValue() == null ? null : manager.getValue().id(),
                blankToNull(tag.getValue()), blankToNull(format.getValue()),
                p == null || p.isEmpty() ? null : Boolean.valueOf(p), frequency.getValue(), 0, PAGE);
        query = q;
        grid.getDataProvider().refreshAll();
        UI.getCurrent().getPage().getHistory().replaceState(null,
                new com.vaadin.flow.router.Location(OpendataUi.DATASETS_ROUTE,
                        new QueryParameters(DatasetFilters.toParameters(q))));
    }

    private void apply(DatasetQuery q) {
        fill(q);
        changed();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!OpendataPermissions.canRead(user)) {
            return;
        }
        fill(DatasetFilters.fromParameters(event.getLocation().getQueryParameters().getParameters(), PAGE));
        grid.getDataProvider().refreshAll();
    }

    private void fill(DatasetQuery q) {
        loading = true;
        try {
            query = q;
            text.setValue(q.text() == null ? "" : q.text());
            manager.setValue(q.managerId() == null ? null
                    : manager.getListDataView().getItems().filter(m -> m.id() == q.managerId()).findFirst().orElse(null));
            offer(tag, tags, q.tag());
            offer(format, formatItems, q.format() == null ? null : q.format().toUpperCase(Locale.ROOT));
            published.setValue(q.published() == null ? "" : q.published().toString());
            frequency.setValue(q.frequency());
        } finally {
            loading = false;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A combo box's value, offered as an item first when typed (custom tags and formats). */
    private static void offer(ComboBox<String> box, List<String> items, String value) {
        if (value != null && !items.contains(value)) {
            items.add(value);
            box.setItems(items);
        }
        box.setValue(value);
    }
}
