package ua.hromada.docsearch.ui.view;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import ua.hromada.docsearch.api.ActKind;
import ua.hromada.docsearch.api.ActStatus;
import ua.hromada.docsearch.api.LegalActSearch;
import ua.hromada.docsearch.api.SearchQuery;
import ua.hromada.docsearch.api.SearchResult;
import ua.hromada.docsearch.api.SearchResult.Hit;
import ua.hromada.portal.api.calendar.DisplayFormats;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * The search itself — field, filters with facet counts, sorting, results with highlighted
 * snippets and paging — shared by the employees' view and the residents' public page. It only
 * builds a {@link SearchQuery} and shows the {@link SearchResult}; the rules are the service's.
 */
public class SearchPanel extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SearchPanel.class);
    static final int PAGE_SIZE = SearchQuery.DEFAULT_LIMIT;

    private final transient LegalActSearch search;
    private final String actRoutePrefix;
    private final TextField text = new TextField();
    private final FacetFilter<String> kinds;
    private final FacetFilter<ActStatus> statuses;
    private final FacetFilter<String> bodies;
    private final FacetFilter<Integer> years;
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final IntegerField convocation = new IntegerField();
    private final IntegerField session = new IntegerField();
    private final TextField tags = new TextField();
    private final Select<SearchQuery.Sort> sort = new Select<>();
    private final Span summary = new Span();
    /** Says which dates typed in the box became a filter (the words alone would not explain the results). */
    private final Span typedDates = new Span();
    private final Paragraph empty = new Paragraph();
    private final VerticalLayout results = new VerticalLayout();
    private final Button previous = new Button();
    private final Button next = new Button();
    private final Span page = new Span();
    private int offset;
    /** Counts searches shown, as an attribute tests and scripts can wait on. */
    private int searches;
    /** Fields are being set from the address: their change listeners must not search. */
    private boolean restoring;
    private transient StateListener stateListener = (query, newEntry) -> { };

    /** Told about each search a person starts, to keep it in the address. */
    @FunctionalInterface
    public interface StateListener {
        /** @param newEntry true for a search of its own (Back returns to the one before), false while typing */
        void searched(SearchQuery query, boolean newEntry);
    }

    /** @param actRoutePrefix where a hit leads, e.g. {@code docs/act/} (the id is appended) */
    public SearchPanel(LegalActSearch search, List<ActKind> kindCatalogue, String actRoutePrefix) {
        this.search = search;
        this.actRoutePrefix = actRoutePrefix;
        setId("docs-search");
        setPadding(false);

        text.setId("docs-q");
        text.setPlaceholder(getTranslation("docsearch.ui.search.placeholder"));
        text.setAriaLabel(getTranslation("docsearch.ui.search.button"));
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        text.setClearButtonVisible(true);
        text.setWidthFull();
        // search while typing (after a pause)...
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setValueChangeTimeout(500);
        text.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                // typing: the address follows without a history entry per pause
                searchFromStart(false);
            }
        });
        // ...and at once on Enter, with the text as typed (the lazy value may not have arrived yet)
        text.getElement().addEventListener("keydown", e -> {
            text.setValue(e.getEventData().getString("element.value"));
            searchFromStart();
        }).setFilter("event.key === 'Enter'").addEventData("element.value");
        Button go = new Button(getTranslation("docsearch.ui.search.button"), e -> searchFromStart());
        go.setId("docs-go");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(text, go);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.expand(text);

        Map<String, String> kindNames = new LinkedHashMap<>();
        kindCatalogue.forEach(k -> kindNames.put(k.code(), k.name(getLocale())));
        List<String> kindOrder = List.copyOf(kindNames.keySet());
        // the catalogue's order; a kind added since comes last
        Comparator<String> byCatalogue = Comparator.<String>comparingInt(
                k -> kindOrder.contains(k) ? kindOrder.indexOf(k) : kindOrder.size()).thenComparing(k -> k);
        kinds = new FacetFilter<>(getTranslation("docsearch.ui.search.kind"),
                code -> kindNames.getOrDefault(code, code), v -> v, kindOrder, 30, byCatalogue);
        kinds.setId("docs-kind");
        statuses = new FacetFilter<>(getTranslation("docsearch.ui.search.status"),
                s -> getTranslation("docsearch.status." + s.name()), SearchPanel::status,
                Arrays.asList(ActStatus.values()), 4, Comparator.naturalOrder());
        statuses.setId("docs-status");
        Collator ukrainian = Collator.getInstance(new Locale("uk"));
        bodies = new FacetFilter<>(getTranslation("docsearch.ui.search.body"), b -> b, v -> v, List.of(), 12,
                ukrainian::compare);
        bodies.setId("docs-body");
        years = new FacetFilter<>(getTranslation("docsearch.ui.search.year"), String::valueOf, SearchPanel::year,
                List.of(), 30, Comparator.reverseOrder());
        years.setId("docs-year");
        for (FacetFilter<?> f : List.of(kinds, statuses, bodies, years)) {
            f.addValueChangeListener(e -> {
                if (!f.isUpdating()) {
                    searchFromStart();
                }
            });
        }
        from.setLabel(getTranslation("docsearch.ui.search.from"));
        from.setId("docs-from");
        to.setLabel(getTranslation("docsearch.ui.search.to"));
        to.setId("docs-to");
        for (DatePicker picker : List.of(from, to)) {
            UiSupport.localise(picker);
            // a date that cannot be read turns the field red: say why and what is expected
            picker.setI18n(picker.getI18n().setBadInputErrorMessage(getTranslation("docsearch.ui.search.badDate")));
            picker.setClearButtonVisible(true);
            picker.setWidthFull();
            picker.addValueChangeListener(e -> searchFromStart());
        }
        convocation.setLabel(getTranslation("docsearch.ui.search.convocation"));
        convocation.setId("docs-convocation");
        session.setLabel(getTranslation("docsearch.ui.search.session"));
        session.setId("docs-session");
        for (IntegerField number : List.of(convocation, session)) {
            number.setMin(1);
            number.setClearButtonVisible(true);
            number.setWidthFull();
            number.setI18n(new IntegerField.IntegerFieldI18n()
                    .setBadInputErrorMessage(getTranslation("docsearch.ui.search.badNumber"))
                    .setMinErrorMessage(getTranslation("docsearch.ui.search.badNumber")));
            number.addValueChangeListener(e -> searchFromStart());
        }
        tags.setLabel(getTranslation("docsearch.ui.search.tags"));
        tags.setHelperText(getTranslation("docsearch.ui.search.tags.help"));
        tags.setId("docs-tags");
        tags.setClearButtonVisible(true);
        tags.setWidthFull();
        tags.setValueChangeMode(ValueChangeMode.LAZY);
        tags.addValueChangeListener(e -> searchFromStart());
        sort.setLabel(getTranslation("docsearch.ui.search.sort"));
        sort.setId("docs-sort");
        sort.setItems(SearchQuery.Sort.values());
        sort.setItemLabelGenerator(s -> getTranslation("docsearch.ui.search.sort." + s.name()));
        sort.setValue(SearchQuery.Sort.RELEVANCE);
        sort.setWidthFull();
        sort.addValueChangeListener(e -> searchFromStart());
        Button reset = new Button(getTranslation("docsearch.ui.search.reset"), VaadinIcon.CLOSE_SMALL.create(),
                e -> resetFilters());
        reset.setId("docs-reset");
        reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        VerticalLayout filters = new VerticalLayout(new H4(getTranslation("docsearch.ui.search.filters")), sort,
                kinds, years, statuses, bodies, from, to, convocation, session, tags, reset);
        filters.setId("docs-filters");
        filters.setPadding(false);
        filters.setSpacing(false);
        // beside the results on a wide screen; on a phone (too narrow for both) the results wrap
        // above the filters (wrap-reverse below), each as wide as the screen
        filters.getStyle().set("flex", "0 0 17rem").set("max-width", "100%");

        summary.setId("docs-summary");
        summary.getStyle().set("color", "var(--lumo-secondary-text-color)");
        typedDates.setId("docs-typed-date");
        typedDates.getStyle().set("color", "var(--lumo-secondary-text-color)");
        typedDates.setVisible(false);
        empty.setId("docs-empty");
        empty.setVisible(false);
        results.setId("docs-results");
        results.setPadding(false);
        previous.setText(getTranslation("docsearch.ui.search.previous"));
        previous.setIcon(VaadinIcon.ANGLE_LEFT.create());
        previous.setId("docs-previous");
        previous.addClickListener(e -> show(Math.max(0, offset - PAGE_SIZE)));
        next.setText(getTranslation("docsearch.ui.search.next"));
        next.setIcon(VaadinIcon.ANGLE_RIGHT.create());
        next.setIconAfterText(true);
        next.setId("docs-next");
        next.addClickListener(e -> show(offset + PAGE_SIZE));
        page.setId("docs-page");
        HorizontalLayout pager = new HorizontalLayout(previous, page, next);
        pager.setAlignItems(FlexComponent.Alignment.CENTER);
        pager.setWrap(true);
        VerticalLayout right = new VerticalLayout(summary, typedDates, empty, results, pager);
        right.setId("docs-main");
        right.setPadding(false);
        right.getStyle().set("flex", "1 1 20rem").set("min-width", "0");

        Div body = new Div(filters, right);
        body.setId("docs-body-layout");
        body.setWidthFull();
        body.getStyle().set("display", "flex").set("flex-wrap", "wrap-reverse").set("align-items", "stretch")
                .set("gap", "var(--lumo-space-m)");
        setWidthFull();
        add(bar, body);
        show(0);
    }

    public void setStateListener(StateListener listener) {
        stateListener = listener == null ? (query, newEntry) -> { } : listener;
    }

    /** The search as the fields describe it now (first page; the sort as chosen). */
    public SearchQuery current() {
        SearchQuery.Sort order = sort.getValue() == null ? SearchQuery.Sort.RELEVANCE : sort.getValue();
        return new SearchQuery(text.getValue().trim(), Set.copyOf(kinds.getValue()), Set.copyOf(bodies.getValue()),
                Set.copyOf(statuses.getValue()), new HashSet<>(years.getValue()), from.getValue(), to.getValue(), order,
                0, PAGE_SIZE).withCouncil(positive(convocation), positive(session), tagSet());
    }

    /**
     * Sets every field to {@code query} (from the address: a link, a reload, Back) and shows its
     * first page, as one search.
     */
    public void restore(SearchQuery query) {
        restoring = true;
        try {
            text.setValue(query.text() == null ? "" : query.text());
            kinds.setValue(query.kinds() == null ? Set.of() : Set.copyOf(query.kinds()));
            statuses.setValue(query.statuses() == null ? Set.of() : Set.copyOf(query.statuses()));
            bodies.setValue(query.issuingBodies() == null ? Set.of() : Set.copyOf(query.issuingBodies()));
            years.setValue(query.years() == null ? Set.of() : Set.copyOf(query.years()));
            from.setValue(query.from());
            to.setValue(query.to());
            convocation.setValue(query.convocation());
            session.setValue(query.session());
            tags.setValue(query.tags() == null ? "" : String.join(", ", new java.util.TreeSet<>(query.tags())));
            sort.setValue(query.sort() == null ? SearchQuery.Sort.RELEVANCE : query.sort());
        } finally {
            restoring = false;
        }
        show(0);
    }

    private void resetFilters() {
        restoring = true;
        try {
            for (FacetFilter<?> f : List.of(kinds, statuses, bodies, years)) {
                f.clear();
            }
            from.clear();
            to.clear();
            convocation.clear();
            session.clear();
            tags.clear();
            sort.setValue(SearchQuery.Sort.RELEVANCE);
        } finally {
            restoring = false;
        }
        searchFromStart();
    }

    private void searchFromStart() {
        searchFromStart(true);
    }

    private void searchFromStart(boolean newEntry) {
        if (restoring) {
            return;
        }
        show(0);
        stateListener.searched(current(), newEntry);
    }

    private boolean hasFilters() {
        return !kinds.getValue().isEmpty() || !statuses.getValue().isEmpty() || !bodies.getValue().isEmpty()
                || !years.getValue().isEmpty() || from.getValue() != null || to.getValue() != null
                || positive(convocation) != null || positive(session) != null || !tagSet().isEmpty();
    }

    /** A number below 1 or not a number (the field shows why) is no filter. */
    private static Integer positive(IntegerField field) {
        Integer v = field.getValue();
        return v == null || v < 1 ? null : v;
    }

    /** Tags typed comma-separated. */
    private Set<String> tagSet() {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String t : tags.getValue().split(",")) {
            if (!t.isBlank()) {
                out.add(t.strip());
            }
        }
        return out;
    }

    private SearchQuery query(int start) {
        String q = text.getValue().trim();
        SearchQuery.Sort order = sort.getValue() == null ? SearchQuery.Sort.RELEVANCE : sort.getValue();
        // without words, relevance means nothing: show the newest acts first
        if (q.isEmpty() && order == SearchQuery.Sort.RELEVANCE) {
            order = SearchQuery.Sort.DATE_DESC;
        }
        return new SearchQuery(q, Set.copyOf(kinds.getValue()), Set.copyOf(bodies.getValue()),
                Set.copyOf(statuses.getValue()), new HashSet<>(years.getValue()), from.getValue(), to.getValue(), order,
                start, PAGE_SIZE).withCouncil(positive(convocation), positive(session), tagSet());
    }

    private void show(int start) {
        SearchQuery query = query(start);
        SearchResult result;
        try {
            result = search.search(query);
        } catch (RuntimeException e) {
            String id = UiSupport.logFailure(LOG, "Search '" + query.text() + "' failed", e);
            results.removeAll();
            summary.setText("");
            empty.setText(getTranslation("docsearch.ui.search.failed", id));
            empty.setVisible(true);
            previous.setVisible(false);
            next.setVisible(false);
            page.setText("");
            return;
        }
        offset = start;
        Map<String, List<SearchResult.FacetValue>> facets = result.facets() == null ? Map.of() : result.facets();
        kinds.update(facets.get("kind"));
        statuses.update(facets.get("status"));
        bodies.update(facets.get("issuingBody"));
        years.update(facets.get("year"));

        results.removeAll();
        result.hits().forEach(hit -> results.add(card(hit)));
        results.getElement().setAttribute("data-search", String.valueOf(++searches));
        boolean words = !query.text().isEmpty();
        summary.setText(words || hasFilters()
                ? getTranslation("docsearch.ui.search.total", result.total(), result.tookMillis())
                : getTranslation("docsearch.ui.search.latest", result.total()));
        List<String> dates = search.typedDates(query.text());
        typedDates.setText(dates.isEmpty() ? "" : getTranslation(dates.size() == 1 ? "docsearch.ui.search.typedDate"
                : "docsearch.ui.search.typedDates", String.join(", ", dates)));
        typedDates.setVisible(!dates.isEmpty());
        if (result.total() == 0) {
            empty.setText(words ? getTranslation("docsearch.ui.search.nothing", query.text())
                    : hasFilters() ? getTranslation("docsearch.ui.search.nothingFiltered")
                            : getTranslation("docsearch.ui.search.emptyRegistry"));
        }
        empty.setVisible(result.total() == 0);
        boolean paged = result.total() > PAGE_SIZE;
        previous.setVisible(paged);
        next.setVisible(paged);
        previous.setEnabled(start > 0);
        next.setEnabled(start + PAGE_SIZE < result.total());
        page.setText(result.total() == 0 ? ""
                : getTranslation("docsearch.ui.search.page", start + 1, start + result.hits().size(), result.total()));
    }

    private Div card(Hit hit) {
        Anchor title = new Anchor(actRoutePrefix + hit.id(), hit.title());
        title.addClassName("docsearch-hit-title");
        title.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");
        StringBuilder meta = new StringBuilder();
        append(meta, ActKind.localName(hit.kindCode(), hit.kindName(), getLocale()));
        if (hit.number() != null && !hit.number().isBlank()) {
            append(meta, ViewSupport.numberDate(this, hit.number(), hit.date()));
        } else {
            append(meta, DisplayFormats.date(hit.date()));
        }
        append(meta, hit.issuingBody());
        Span metaLine = new Span(meta.toString());
        metaLine.addClassName("docsearch-hit-meta");
        metaLine.getStyle().set("color", "var(--lumo-secondary-text-color)");
        HorizontalLayout line = new HorizontalLayout(metaLine, ViewSupport.statusBadge(this, hit.status()));
        line.setAlignItems(FlexComponent.Alignment.CENTER);
        line.setSpacing(true);
        line.setWrap(true);
        Div card = new Div(title, line);
        if (hit.snippet() != null && !hit.snippet().isBlank()) {
            card.add(new Div(ViewSupport.snippet(hit.snippet())));
        }
        card.addClassName("docsearch-hit");
        card.getElement().setAttribute("data-id", String.valueOf(hit.id()));
        // a long number or address in a snippet breaks rather than widening a phone's page
        card.getStyle().set("padding", "var(--lumo-space-s) 0").set("overflow-wrap", "anywhere")
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)").set("width", "100%");
        return card;
    }

    private static void append(StringBuilder sb, String part) {
        if (part == null || part.isBlank()) {
            return;
        }
        if (sb.length() > 0) {
            sb.append(" · ");
        }
        sb.append(part);
    }

    private static ActStatus status(String value) {
        try {
            return ActStatus.valueOf(value);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Integer year(String value) {
        try {
            return Integer.valueOf(value);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
