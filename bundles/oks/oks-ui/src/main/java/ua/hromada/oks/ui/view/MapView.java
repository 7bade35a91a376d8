package ua.hromada.oks.ui.view;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.shared.Registration;

import ua.hromada.oks.api.ExecutorOrganisation;
import ua.hromada.oks.api.JournalEntry;
import ua.hromada.oks.api.OksCatalog;
import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.ViolationMap;
import ua.hromada.oks.api.ViolationQuery;
import ua.hromada.oks.api.ViolationType;
import ua.hromada.oks.api.Violations;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.calendar.DisplayFormats;
import ua.hromada.portal.api.map.MapSettings;
import ua.hromada.portal.ui.map.PortalMap;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * The OKS workspace ({@code oks/map}): the community's map with the current violations (colour
 * by status group, overdue ringed, clusters aggregated by the service per visible area), its
 * legend, and beside it the latest events, refreshed while the page is open. Above it the map's
 * filters (status group, type, executor, registration period), kept in the address in the list's
 * parameters ({@link MapFilters}): the service filters the map exactly as it filters the list, and
 * says how many cases match, or that none does.
 */
public class MapView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;

    private final transient Violations violations;
    private final transient PortalUser user;
    private final ZoneId zone;
    private final int eventCount;
    private final int refreshSeconds;
    private final PortalMap map;
    private final VerticalLayout events = new VerticalLayout();
    private final MultiSelectComboBox<StatusGroup> groups = new MultiSelectComboBox<>();
    private final ComboBox<ViolationType> type = new ComboBox<>();
    private final ComboBox<ExecutorOrganisation> executor = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Button reset = new Button();
    private final Span count = new Span();
    private final Paragraph empty = new Paragraph();
    private final Anchor asList = new Anchor();
    /** The filters in force; the map's feature source reads them on each request. */
    private volatile ViolationQuery query = MapFilters.of(null, null, null, null, null);
    /** While the fields are being filled from the address, their change events must not re-filter. */
    private boolean loading;
    private Registration poll;
    private int previousPollInterval = -1;

    public MapView(Violations violations, ViolationMap markers, OksCatalog catalog, MapSettings settings, PortalUser user,
            ZoneId zone, int eventCount, int refreshSeconds) {
        this.violations = violations;
        this.user = user;
        this.zone = zone;
        this.eventCount = eventCount;
        this.refreshSeconds = refreshSeconds;
        setId("oks-map-view");
        setSizeFull();
        setPadding(true);
        map = new PortalMap(settings);
        if (!OksUi.mayRead(user)) {
            add(OksUi.noAccess(this));
            return;
        }
        map.setId("oks-map");
        map.setSizeFull();
        map.setLegend(StatusColors.legend(this));
        map.setFeatureSource((bbox, zoom) -> {
            try {
                return ViolationFeatures.features(markers.markers(user, query, bbox, zoom),
                        (key, args) -> getTranslation(key, args), zone, getLocale());
            } catch (OksException e) {
                return List.of();
            }
        });
        Div mapBox = new Div(map);
        // Leaflet's z-indexes stay inside the box, under the portal's dialogs and menus
        mapBox.getStyle().set("isolation", "isolate").set("flex", "1 1 auto").set("min-width", "20rem")
                .set("height", "calc(100vh - 17rem)").set("min-height", "20rem");

        events.setId("oks-events");
        events.setPadding(false);
        events.setSpacing(false);
        H3 eventsTitle = new H3(getTranslation("oks.ui.map.events"));
        eventsTitle.getStyle().set("margin-top", "0");
        VerticalLayout side = new VerticalLayout(eventsTitle, events);
        side.setPadding(false);
        side.setWidth("22rem");
        side.getStyle().set("flex", "0 0 22rem").set("overflow-y", "auto").set("height", "calc(100vh - 17rem)");
        HorizontalLayout body = new HorizontalLayout(mapBox, side);
        body.setWidthFull();
        body.setPadding(false);
        body.setFlexGrow(1, mapBox);
        H2 title = new H2(getTranslation("oks.ui.map.title"));
        title.getStyle().set("margin", "0");
        // the heading first, then the filters, then what they filter: the order a screen reader reads
        add(title, filters(catalog), body);
        refreshEvents();
        refreshCount();
    }

    /** The filter fields, the number of matching cases, the empty note and the same filter as a list. */
    private HorizontalLayout filters(OksCatalog catalog) {
        ListFilters.caseFields(this, "oks-map-f-", MapFilters.groups(), groups, type, executor, user, catalog);
        from.setId("oks-map-f-from");
        from.setLabel(getTranslation("oks.ui.f.from"));
        UiSupport.localise(from);
        from.setClearButtonVisible(true);
        to.setId("oks-map-f-to");
        to.setLabel(getTranslation("oks.ui.f.to"));
        UiSupport.localise(to);
        to.setClearButtonVisible(true);
        reset.setText(getTranslation("oks.ui.f.reset"));
        reset.setIcon(VaadinIcon.CLOSE_SMALL.create());
        reset.setId("oks-map-f-reset");
        reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        reset.addClickListener(e -> apply(MapFilters.of(null, null, null, null, null)));
        groups.addValueChangeListener(e -> filtersChanged());
        type.addValueChangeListener(e -> filtersChanged());
        executor.addValueChangeListener(e -> filtersChanged());
        from.addValueChangeListener(e -> filtersChanged());
        to.addValueChangeListener(e -> filtersChanged());

        count.setId("oks-map-count");
        // read out when a filter changes the number, as a sighted user sees the points change
        count.getElement().setAttribute("role", "status");
        empty.setId("oks-map-empty");
        empty.getElement().setAttribute("role", "status");
        empty.getStyle().set("margin", "0").set("font-weight", "600");
        asList.setId("oks-map-list");
        asList.setText(getTranslation("oks.ui.map.asList"));
        HorizontalLayout bar = new HorizontalLayout(groups, type, executor, from, to, reset, count, asList, empty);
        bar.setId("oks-map-filters");
        bar.setWrap(true);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWidthFull();
        bar.setPadding(false);
        return bar;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!OksUi.mayRead(user)) {
            return;
        }
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        fill(MapFilters.fromAddress(params));
        refreshCount();
        map.refresh();
    }

    /** Shows a query in the fields (from the address or the reset button). */
    private void fill(ViolationQuery q) {
        loading = true;
        try {
            query = q;
            ListFilters.showCaseFields(q, groups, type, executor);
            from.setValue(q.createdFrom());
            to.setValue(q.createdTo());
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
        query = MapFilters.of(groups.getValue(), type.getValue() == null ? null : type.getValue().id(),
                executor.getValue() == null ? null : executor.getValue().id(), from.getValue(), to.getValue());
        refresh();
    }

    /** The address, the count and the points of the filters in force. */
    private void refresh() {
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location(OksUi.MAP_ROUTE, new QueryParameters(MapFilters.toAddress(query)))));
        refreshCount();
        map.refresh();
    }

    /**
     * How many cases the filters match (anywhere, not only in view: the service's count of the
     * list's query), the empty note when none, and the link to the same filter as a list.
     */
    private void refreshCount() {
        long n = ListFilters.count(violations, user, query);
        count.setText(getTranslation("oks.ui.map.count", n));
        count.getElement().setAttribute("data-count", Long.toString(n));
        boolean filtered = MapFilters.set(query) > 0;
        empty.setText(getTranslation(filtered ? "oks.ui.map.empty" : "oks.ui.map.emptyAll"));
        empty.setVisible(n == 0);
        reset.setVisible(filtered);
        asList.setHref(new Location(OksUi.LIST_ROUTE, new QueryParameters(MapFilters.toAddress(query))).getPathWithQueryParameters());
    }

    /** The latest journal rows the user may see, newest first. */
    private void refreshEvents() {
        events.removeAll();
        List<JournalEntry> latest;
        try {
            latest = violations.latestEvents(user, eventCount);
        } catch (OksException e) {
            latest = List.of();
        }
        if (latest.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("oks.ui.map.noEvents"));
            none.setId("oks-events-empty");
            events.add(none);
            return;
        }
        for (JournalEntry e : latest) {
            Div item = new Div();
            item.addClassName("oks-event");
            item.getElement().setAttribute("data-violation", Long.toString(e.violationId()));
            item.getStyle().set("padding", "var(--lumo-space-xs) 0").set("border-bottom", "1px solid var(--lumo-contrast-10pct)")
                    .set("width", "100%");
            Span when = new Span(DisplayFormats.dateTime(e.at(), zone));
            when.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            Anchor link = new Anchor(OksUi.CARD_ROUTE + e.violationId(),
                    getTranslation("oks.ui.map.eventViolation", Long.toString(e.violationId())));
            Span dot = new Span("\u25CF ");
            dot.getStyle().set("color", StatusColors.of(e.action() == null ? null : e.action().group()));
            Div line = new Div(dot, new Span(OksUi.status(e.action(), getLocale())));
            Div by = new Div(new Span(e.authorName() == null || e.authorName().isBlank() ? e.author() : e.authorName()));
            by.getStyle().set("font-size", "var(--lumo-font-size-s)");
            item.add(new Div(when, new Span(" · "), link), line, by);
            events.add(item);
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (!OksUi.mayRead(user)) {
            return;
        }
        UI ui = attachEvent.getUI();
        previousPollInterval = ui.getPollInterval();
        ui.setPollInterval(refreshSeconds * 1000);
        poll = ui.addPollListener(e -> {
            refreshEvents();
            refreshCount();
            map.refresh();
        });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (poll != null) {
            poll.remove();
            poll = null;
            detachEvent.getUI().setPollInterval(previousPollInterval);
        }
        super.onDetach(detachEvent);
    }
}
