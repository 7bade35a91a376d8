package ua.hromada.oks.ui.view;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.streams.DownloadHandler;

import ua.hromada.oks.api.OksCatalog;
import ua.hromada.oks.api.ExecutorOrganisation;
import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.api.ViolationQuery;
import ua.hromada.oks.api.ViolationQueryParams;
import ua.hromada.oks.api.Violations;
import ua.hromada.oks.api.ViolationType;
import ua.hromada.oks.ui.export.ViolationExport;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.calendar.DisplayFormats;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * Current violations ({@code oks/violations}): a lazily loaded grid with the list's filters. The
 * address keeps the filters ({@link ViolationQueryParams}), so analytics cells, dashboard numbers
 * and bookmarks open exactly their list; the filtered list downloads as XLSX or CSV.
 */
public class ViolationsView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ViolationsView.class);
    private static final int PAGE = 50;
    /**
     * On a phone the eight filters would fill the first screen: all but the search box fold behind
     * «Фільтри (n)», n the filters set; wider screens show them all and no toggle.
     */
    private static final String PHONE_CSS = "@media (max-width: 640px) {"
            + " #oks-filters:not(.oks-filters-open) > :not(#oks-f-text):not(#oks-f-toggle) { display: none !important; }"
            + " #oks-filters > * { flex: 1 1 100%; min-width: 0; }"
            + " #oks-filters > #oks-f-text { flex: 1 1 0; } #oks-filters > #oks-f-toggle { flex: 0 0 auto; } }"
            + " @media (min-width: 641px) { #oks-f-toggle { display: none; } }";

    private final transient Violations violations;
    private final transient PortalUser user;
    private final java.time.ZoneId zone;

    private final MultiSelectComboBox<StatusGroup> groups = new MultiSelectComboBox<>();
    private final ComboBox<ViolationType> type = new ComboBox<>();
    private final ComboBox<ExecutorOrganisation> executor = new ComboBox<>();
    private final TextField inspector = new TextField();
    private final Checkbox overdue = new Checkbox();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final TextField text = new TextField();
    private final HorizontalLayout filters = new HorizontalLayout();
    private final Button filtersToggle = new Button(VaadinIcon.FILTER.create());
    private final HorizontalLayout extra = new HorizontalLayout();
    private final Span count = new Span();
    private final Paragraph empty = new Paragraph();
    private final Grid<Violation> grid = new Grid<>();

    /** The filters in force; read by the export downloads off the UI thread, hence volatile. */
    private volatile ViolationQuery query = ViolationQuery.current().page(0, PAGE);
    /** While the fields are being filled from the address, their change events must not re-filter. */
    private boolean loading;

    public ViolationsView(Violations violations, OksCatalog catalog, PortalUser user, java.time.ZoneId zone) {
        this.violations = violations;
        this.user = user;
        this.zone = zone;
        setId("oks-list");
        setSizeFull();
        add(new H2(getTranslation("oks.ui.list.title")));
        if (!OksUi.mayRead(user)) {
            add(OksUi.noAccess(this));
            return;
        }

        ListFilters.caseFields(this, "oks-f-", Stream.of(StatusGroup.values()).toList(), groups, type, executor, user,
                catalog);
        inspector.setId("oks-f-inspector");
        inspector.setLabel(getTranslation("oks.ui.f.inspector"));
        inspector.setPlaceholder(getTranslation("oks.ui.f.inspectorHint"));
        inspector.setValueChangeMode(ValueChangeMode.LAZY);
        inspector.setClearButtonVisible(true);
        overdue.setId("oks-f-overdue");
        overdue.setLabel(getTranslation("oks.ui.f.overdue"));
        from.setId("oks-f-from");
        from.setLabel(getTranslation("oks.ui.f.from"));
        UiSupport.localise(from);
        to.setId("oks-f-to");
        to.setLabel(getTranslation("oks.ui.f.to"));
        UiSupport.localise(to);
        text.setId("oks-f-text");
        text.setLabel(getTranslation("oks.ui.f.text"));
        text.setPlaceholder(getTranslation("oks.ui.f.textHint"));
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setClearButtonVisible(true);
        Button reset = new Button(getTranslation("oks.ui.f.reset"), VaadinIcon.CLOSE_SMALL.create(),
                e -> apply(ViolationQuery.current().page(0, PAGE)));
        reset.setId("oks-f-reset");
        reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        groups.addValueChangeListener(e -> filtersChanged());
        type.addValueChangeListener(e -> filtersChanged());
        executor.addValueChangeListener(e -> filtersChanged());
        inspector.addValueChangeListener(e -> filtersChanged());
        overdue.addValueChangeListener(e -> filtersChanged());
        from.addValueChangeListener(e -> filtersChanged());
        to.addValueChangeListener(e -> filtersChanged());
        text.addValueChangeListener(e -> filtersChanged());

        filtersToggle.setId("oks-f-toggle");
        filtersToggle.getElement().setAttribute("aria-controls", "oks-filters");
        filtersToggle.addClickListener(e -> {
            filters.getElement().getClassList().set("oks-filters-open", !filters.hasClassName("oks-filters-open"));
            showFolded();
        });
        filters.add(text, filtersToggle, groups, type, executor, inspector, from, to, overdue, reset);
        filters.setId("oks-filters");
        filters.setWrap(true);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWidthFull();
        getElement().appendChild(new Element("style").setText(PHONE_CSS));
        extra.setId("oks-f-extra");
        extra.setAlignItems(FlexComponent.Alignment.CENTER);

        count.setId("oks-list-count");
        Anchor xlsx = new Anchor(export("xlsx"), AttachmentType.DOWNLOAD, getTranslation("oks.ui.list.exportXlsx"));
        xlsx.setId("oks-export-xlsx");
        Anchor csv = new Anchor(export("csv"), AttachmentType.DOWNLOAD, getTranslation("oks.ui.list.exportCsv"));
        csv.setId("oks-export-csv");
        HorizontalLayout bar = new HorizontalLayout(count, xlsx, csv);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);

        configureGrid();
        empty.setId("oks-list-empty");
        empty.setText(getTranslation("oks.ui.list.empty"));
        empty.setVisible(false);
        add(filters, extra, bar, empty, grid);
    }

    private void configureGrid() {
        grid.setId("oks-list-grid");
        grid.setSizeFull();
        grid.addColumn(LitRenderer.<Violation>of("<a href=\"${item.href}\" class=\"oks-row-id\">${item.id}</a>")
                .withProperty("href", v -> OksUi.CARD_ROUTE + v.id()).withProperty("id", Violation::id))
                .setHeader(getTranslation("oks.ui.col.id")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(v -> DisplayFormats.dateTime(v.createdAt(), zone)).setHeader(getTranslation("oks.ui.col.created"))
                .setSortable(true).setSortProperty("created").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(v -> v.type() == null ? "" : v.type().name()).setHeader(getTranslation("oks.ui.col.type"))
                .setAutoWidth(true);
        grid.addColumn(Violation::address).setHeader(getTranslation("oks.ui.col.address")).setFlexGrow(2);
        grid.addColumn(LitRenderer.<Violation>of("<span style=\"color:${item.color}\">\u25CF</span> ${item.status}")
                .withProperty("color", v -> StatusColors.of(v.group())).withProperty("status", v -> OksUi.status(v.lastAction(), getLocale())))
                .setHeader(getTranslation("oks.ui.col.status")).setFlexGrow(2);
        grid.addColumn(v -> v.executor() == null ? "" : v.executor().name()).setHeader(getTranslation("oks.ui.col.executor"))
                .setFlexGrow(2);
        String overdueText = getTranslation("oks.ui.list.overdue");
        grid.addColumn(LitRenderer.<Violation>of(
                "<span class=\"${item.overdue ? 'oks-overdue' : ''}\" style=\"${item.style}\" title=\"${item.title}\">${item.deadline}</span>")
                .withProperty("deadline", v -> DisplayFormats.date(v.deadline())).withProperty("overdue", Violation::overdue)
                .withProperty("style", v -> v.overdue() ? "color:" + StatusColors.OVERDUE + ";font-weight:600" : "")
                .withProperty("title", v -> v.overdue() ? overdueText : ""))
                .setHeader(getTranslation("oks.ui.col.deadline")).setSortable(true).setSortProperty("deadline")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(OksUi.CARD_ROUTE + e.getItem().id())));
        grid.setClassNameGenerator(v -> "oks-row");
        CallbackDataProvider<Violation, Void> provider = DataProvider.fromCallbacks(
                q -> fetch(q.getOffset(), q.getLimit(), q.getSortOrders()),
                q -> count());
        grid.setItems(provider);
    }

    private Stream<Violation> fetch(int offset, int limit, List<com.vaadin.flow.data.provider.QuerySortOrder> sort) {
        ViolationQuery.Sort order = ViolationQuery.Sort.NEWEST;
        if (!sort.isEmpty()) {
            var first = sort.get(0);
            if ("deadline".equals(first.getSorted())) {
                order = ViolationQuery.Sort.DEADLINE;
            } else if ("created".equals(first.getSorted())) {
                order = first.getDirection() == SortDirection.ASCENDING ? ViolationQuery.Sort.OLDEST : ViolationQuery.Sort.NEWEST;
            }
        } else {
            order = query.sort();
        }
        ViolationQuery q = query;
        ViolationQuery page = q.sorted(order, offset, Math.max(1, Math.min(limit, 500)));
        try {
            return violations.search(user, page).stream();
        } catch (OksException e) {
            OksUi.error(OksUi.reason(this, e));
            return Stream.empty();
        }
    }

    private int count() {
        long n = ListFilters.count(violations, user, query);
        count.setText(getTranslation("oks.ui.list.count", n));
        count.getElement().setAttribute("data-count", Long.toString(n));
        // the grid stays visible (a hidden grid would not ask for the next count); the note explains the empty list
        empty.setVisible(n == 0);
        return (int) Math.min(n, Integer.MAX_VALUE);
    }

    private DownloadHandler export(String extension) {
        return UiSupport.download(() -> ViolationExport.fileName(LocalDate.now(zone), extension), "xlsx".equals(extension)
                ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=UTF-8",
                LOG, "Export of the violation list failed", out -> {
                    ViolationQuery q = query;
                    ViolationExport exporter = new ViolationExport(key -> getTranslation(key), zone, getLocale());
                    ViolationExport.PageSource pages = (offset, limit) -> violations.search(user, q.page(offset, limit));
                    if ("xlsx".equals(extension)) {
                        exporter.writeXlsx(pages, out);
                    } else {
                        exporter.writeCsv(pages, out);
                    }
                });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!OksUi.mayRead(user)) {
            return;
        }
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        fill(ViolationQueryParams.fromParameters(params, PAGE));
        grid.getDataProvider().refreshAll();
    }

    /** Shows a query in the fields (from the address or the reset button). */
    private void fill(ViolationQuery q) {
        loading = true;
        try {
            query = q;
            ListFilters.showCaseFields(q, groups, type, executor);
            inspector.setValue(q.inspector() == null ? "" : q.inspector());
            overdue.setValue(Boolean.TRUE.equals(q.overdue()));
            from.setValue(q.createdFrom());
            to.setValue(q.createdTo());
            text.setValue(q.text() == null ? "" : q.text());
            showExtra(q);
            showFolded();
        } finally {
            loading = false;
        }
    }

    private void apply(ViolationQuery q) {
        fill(q);
        refresh();
    }

    private void filtersChanged() {
        if (loading) {
            return;
        }
        ViolationQuery q = query;
        Set<StatusGroup> g = groups.getValue();
        String insp = inspector.getValue().isBlank() ? null : inspector.getValue().trim();
        String words = text.getValue().isBlank() ? null : text.getValue().trim();
        query = new ViolationQuery(g, q.actionCode(), q.effect(), q.responsible(), q.olderThanDays(),
                type.getValue() == null ? null : type.getValue().id(),
                executor.getValue() == null ? null : executor.getValue().id(), insp,
                overdue.getValue() ? Boolean.TRUE : null, from.getValue(), to.getValue(), q.confirmedFrom(),
                q.confirmedTo(), words, q.sort(), 0, PAGE);
        showFolded();
        refresh();
    }

    /** The phone's toggle: how many folded filters are set, and whether they are shown. */
    private void showFolded() {
        int n = ListFilters.folded(query);
        filtersToggle.setText(n == 0 ? getTranslation("oks.ui.f.toggle") : getTranslation("oks.ui.f.toggleCount", n));
        filtersToggle.getElement().setAttribute("data-count", Integer.toString(n));
        filtersToggle.getElement().setAttribute("aria-expanded", Boolean.toString(filters.hasClassName("oks-filters-open")));
    }

    private void refresh() {
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location(OksUi.LIST_ROUTE, new QueryParameters(ViolationQueryParams.toParameters(query)))));
        grid.getDataProvider().refreshAll();
    }

    /**
     * Conditions the fields cannot show (an analytics cell's action code, responsibility, age or
     * confirmation period) appear as one removable note, so the list never filters silently.
     */
    private void showExtra(ViolationQuery q) {
        extra.removeAll();
        StringBuilder sb = new StringBuilder();
        if (q.actionCode() != null) {
            append(sb, getTranslation("oks.ui.f.extra.action", q.actionCode().toString()));
        }
        if (q.effect() != null) {
            append(sb, getTranslation("oks.ui.f.extra.effect." + q.effect().name()));
        }
        if (q.responsible() != null) {
            append(sb, getTranslation("oks.ui.f.extra.responsible", getTranslation(q.responsible().messageKey())));
        }
        if (q.olderThanDays() != null) {
            append(sb, getTranslation("oks.ui.f.extra.older", q.olderThanDays()));
        }
        if (q.confirmedFrom() != null || q.confirmedTo() != null) {
            append(sb, getTranslation("oks.ui.f.extra.confirmed", DisplayFormats.date(q.confirmedFrom()), DisplayFormats.date(q.confirmedTo())));
        }
        extra.setVisible(sb.length() > 0);
        if (sb.length() == 0) {
            return;
        }
        Span note = new Span(sb.toString());
        note.getElement().getThemeList().add("badge contrast");
        Button clear = new Button(getTranslation("oks.ui.f.extra.clear"), VaadinIcon.CLOSE_SMALL.create(), e -> {
            ViolationQuery cur = query;
            apply(new ViolationQuery(cur.groups(), null, null, null, cur.typeId(), cur.executorId(), cur.inspector(),
                    cur.overdue(), cur.createdFrom(), cur.createdTo(), null, null, cur.text(), cur.sort(), 0, PAGE));
        });
        clear.setId("oks-f-extra-clear");
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        extra.add(note, clear);
    }

    private static void append(StringBuilder sb, String part) {
        sb.append(sb.length() > 0 ? "; " : "").append(part);
    }
}
