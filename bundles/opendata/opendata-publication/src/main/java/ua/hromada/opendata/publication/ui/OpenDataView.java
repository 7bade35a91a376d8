package ua.hromada.opendata.publication.ui;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;

import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.PolicyDocuments;
import ua.hromada.opendata.api.StructureField;
import ua.hromada.opendata.publication.Distribution;
import ua.hromada.opendata.publication.Publication;
import ua.hromada.opendata.publication.PublishedDataset;
import ua.hromada.opendata.publication.Snapshot;
import ua.hromada.opendata.publication.ckan.PackageSearch;
import ua.hromada.portal.api.calendar.DisplayFormats;

/**
 * Residents' page of published datasets ({@code vidkryti-dani}, no sign-in): words, filters by
 * data manager, tag and format (with counts), pages of {@value PageQuery#PAGE_SIZE}; each dataset
 * opens to its passport and download links. {@code ?nabir=<identifier>} opens one dataset.
 */
public class OpenDataView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;

    private final transient Publication publication;
    private final TextField text = new TextField();
    private final ComboBox<String> manager = new ComboBox<>();
    private final ComboBox<String> tag = new ComboBox<>();
    private final ComboBox<String> format = new ComboBox<>();
    private final Span count = new Span();
    private final Div results = new Div();
    private final Button previous = new Button();
    private final Button next = new Button();
    private final Span pageInfo = new Span();
    private String dataset;
    private int page;
    private boolean updating;

    /** {@code policy}: the community's open-data policy documents (empty: the block is not shown). */
    public OpenDataView(Publication publication, PolicyDocuments policy) {
        this.publication = publication;
        setId("opendata-public-view");
        setWidthFull();
        add(new H2(getTranslation("opendata.publication.page.title")));
        Paragraph intro = new Paragraph(getTranslation("opendata.publication.page.intro"));
        add(intro);
        HorizontalLayout machine = new HorizontalLayout(new Span(getTranslation("opendata.publication.page.machine")),
                link("CKAN API", "api/3/action/package_search"), link("DCAT-AP (Turtle)", "catalog.ttl"),
                link("JSON-LD", "catalog.jsonld"), link("RDF/XML", "catalog.rdf"));
        machine.setId("opendata-machine-links");
        machine.setAlignItems(FlexComponent.Alignment.BASELINE);
        // on a phone (390 px) the links go to a second line instead of widening the page
        machine.setWrap(true);
        // a row wraps only within a width: without one it takes its content's (871 px on a phone)
        machine.setWidthFull();
        add(machine);
        add(new PolicyBlock(policy.published()));

        text.setId("opendata-search");
        text.setPlaceholder(getTranslation("opendata.publication.search.placeholder"));
        text.setLabel(getTranslation("opendata.publication.search.label"));
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setWidth("24em");
        manager.setId("opendata-filter-manager");
        manager.setLabel(getTranslation("opendata.publication.filter.manager"));
        tag.setId("opendata-filter-tag");
        tag.setLabel(getTranslation("opendata.publication.filter.tag"));
        format.setId("opendata-filter-format");
        format.setLabel(getTranslation("opendata.publication.filter.format"));
        for (ComboBox<String> box : List.of(manager, tag, format)) {
            box.setClearButtonVisible(true);
            box.setPlaceholder(getTranslation("opendata.publication.filter.any"));
            box.addValueChangeListener(e -> filtersChanged());
        }
        manager.setWidth("22em");
        text.setMaxWidth("100%");
        manager.setMaxWidth("100%");
        text.addValueChangeListener(e -> filtersChanged());
        Button reset = new Button(getTranslation("opendata.publication.filter.reset"), e -> reset());
        reset.setId("opendata-filter-reset");
        HorizontalLayout filters = new HorizontalLayout(text, manager, tag, format, reset);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        filters.setWidthFull();
        add(filters);

        count.setId("opendata-count");
        results.setId("opendata-results");
        results.setWidthFull();
        // a long file name, address or identifier breaks instead of widening the page on a phone
        results.getStyle().set("overflow-wrap", "anywhere");
        add(count, results);
        previous.setText(getTranslation("opendata.publication.page.previous"));
        next.setText(getTranslation("opendata.publication.page.next"));
        previous.setId("opendata-previous");
        next.setId("opendata-next");
        previous.addClickListener(e -> show(page - 1));
        next.addClickListener(e -> show(page + 1));
        pageInfo.setId("opendata-page");
        HorizontalLayout paging = new HorizontalLayout(previous, pageInfo, next);
        paging.setAlignItems(FlexComponent.Alignment.BASELINE);
        paging.setWrap(true);
        paging.setWidthFull();
        add(paging);
    }

    private static Anchor link(String text, String href) {
        Anchor a = new Anchor(href, text);
        a.setTarget("_blank");
        return a;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        List<String> one = params.get(PublicPages.DATASET_PARAM);
        dataset = one == null || one.isEmpty() ? null : one.get(0);
        if (dataset != null) {
            // a dataset's link shows that dataset, whatever this page was filtered by before
            clearFilters();
        }
        List<String> q = params.get("q");
        if (q != null && !q.isEmpty()) {
            updating = true;
            text.setValue(q.get(0));
            updating = false;
        }
        show(0);
    }

    /** Empties every filter without a search per field. */
    private void clearFilters() {
        updating = true;
        text.clear();
        manager.clear();
        tag.clear();
        format.clear();
        updating = false;
    }

    private void filtersChanged() {
        if (!updating) {
            dataset = null;
            show(0);
        }
    }

    private void reset() {
        clearFilters();
        dataset = null;
        show(0);
    }

    private void show(int requested) {
        Snapshot s = publication.snapshot();
        PageQuery query = new PageQuery(text.getValue(), manager.getValue(), tag.getValue(), format.getValue(),
                dataset, requested);
        PackageSearch.Result r = query.runAsWords(s);
        int pages = Math.max(1, (r.count() + PageQuery.PAGE_SIZE - 1) / PageQuery.PAGE_SIZE);
        if (requested >= pages && requested > 0) {
            show(pages - 1);
            return;
        }
        page = requested;
        updateChoices(s, r);
        count.setText(getTranslation("opendata.publication.count", r.count()));
        results.removeAll();
        if (r.count() == 0) {
            Paragraph none = new Paragraph(getTranslation("opendata.publication.none"));
            none.setId("opendata-none");
            results.add(none);
        }
        for (int i : r.indexes()) {
            results.add(card(s.datasets().get(i), dataset != null));
        }
        pageInfo.setText(getTranslation("opendata.publication.page.of", page + 1, pages));
        previous.setEnabled(page > 0);
        next.setEnabled(page + 1 < pages);
    }

    /** Filter choices: the values the current answer has (with counts), keeping the chosen one. */
    private void updateChoices(Snapshot s, PackageSearch.Result r) {
        updating = true;
        try {
            choices(manager, r.facets().get("organization"), v -> s.organization(v).map(o -> o.title()).orElse(v));
            choices(tag, r.facets().get("tags"), v -> v);
            choices(format, r.facets().get("res_format"), v -> v);
        } finally {
            updating = false;
        }
    }

    private void choices(ComboBox<String> box, List<PackageSearch.FacetCount> counts,
            java.util.function.Function<String, String> label) {
        String chosen = box.getValue();
        Map<String, Integer> byName = new java.util.LinkedHashMap<>();
        for (PackageSearch.FacetCount c : counts) {
            byName.put(c.name(), c.count());
        }
        List<String> items = new java.util.ArrayList<>(byName.keySet());
        items.sort(java.util.Comparator.comparing(label, String.CASE_INSENSITIVE_ORDER));
        box.setItems(items);
        box.setItemLabelGenerator(v -> label.apply(v) + (byName.containsKey(v) ? " (" + byName.get(v) + ")" : ""));
        if (chosen != null && byName.containsKey(chosen)) {
            box.setValue(chosen);
        }
    }

    private Component card(PublishedDataset p, boolean open) {
        Dataset d = p.dataset();
        VerticalLayout body = new VerticalLayout();
        body.setPadding(false);
        body.setSpacing(false);
        if (d.description() != null && !d.description().isBlank()) {
            body.add(new Paragraph(d.description()));
        }
        body.add(new H4(getTranslation("opendata.publication.passport")));
        Div passport = new Div();
        passport.addClassName("opendata-passport");
        field(passport, "identifier", d.identifier());
        field(passport, "manager", p.organization().title());
        field(passport, "responsible", join(d.responsiblePerson(), d.responsibleEmail()));
        field(passport, "frequency", d.frequency() == null ? null : getTranslation(d.frequency().messageKey()));
        field(passport, "firstPublished", dateTime(d.firstPublishedAt()));
        field(passport, "lastModified", dateTime(d.lastModifiedAt()));
        field(passport, "actuality", date(d.actualityDate()));
        field(passport, "language", d.language());
        field(passport, "formats", String.join(", ", p.formats()));
        field(passport, "compression", d.compression());
        field(passport, "keywords", String.join(", ", d.keywords()));
        field(passport, "tags", String.join(", ", d.tags()));
        field(passport, "legalBasis", d.legalBasis());
        field(passport, "purpose", d.purpose());
        field(passport, "license", publication.settings().licenseTitle());
        body.add(passport);
        if (!d.structure().isEmpty()) {
            body.add(new H4(getTranslation("opendata.publication.structure")));
            Div structure = new Div();
            structure.addClassName("opendata-structure");
            for (StructureField f : d.structure()) {
                structure.add(new Div(new Span(f.name() + " — " + (f.title() == null ? "" : f.title()) + " ("
                        + (f.type() == null ? "" : f.type()) + (f.required()
                                ? ", " + getTranslation("opendata.publication.structure.required") : "") + ")")));
            }
            body.add(structure);
        }
        body.add(new H4(getTranslation("opendata.publication.downloads")));
        if (p.distributions().isEmpty()) {
            body.add(new Span(getTranslation("opendata.publication.downloads.none")));
        }
        for (Distribution r : p.distributions()) {
            Anchor a = new Anchor(r.url(), r.name() + (r.format() == null ? "" : " · " + r.format())
                    + (r.size() == null ? "" : " · " + size(r.size())));
            a.addClassName("opendata-download");
            a.getElement().setAttribute("data-format", r.format() == null ? "" : r.format());
            if (r.uploaded()) {
                a.getElement().setAttribute("download", "");
            } else {
                a.setTarget("_blank");
            }
            body.add(new Div(a));
        }
        Span summary = new Span(d.title() + " — " + p.organization().title());
        // the summary line does not wrap by itself: a long title widened a phone's page to 871 px
        summary.getStyle().set("white-space", "normal").set("overflow-wrap", "anywhere").set("min-width", "0");
        Details details = new Details(summary, body);
        details.setOpened(open);
        details.setWidthFull();
        details.addClassName("opendata-dataset");
        details.getElement().setAttribute("data-identifier", d.identifier());
        return details;
    }

    private void field(Div passport, String key, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Div row = new Div();
        Span label = new Span(getTranslation("opendata.publication.field." + key) + ": ");
        label.getStyle().set("font-weight", "600");
        row.add(label, new Span(value));
        passport.add(row);
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b;
        }
        return b == null || b.isBlank() ? a : a + ", " + b;
    }

    private static String date(LocalDate d) {
        return d == null ? null : DisplayFormats.DATE.format(d);
    }

    /** A passport date and time, already the community's clock. */
    private static String dateTime(LocalDateTime at) {
        return at == null ? null : DisplayFormats.DATE_TIME.format(at);
    }

    private String size(long bytes) {
        if (bytes < 1024) {
            return getTranslation("opendata.publication.size.bytes", bytes);
        }
        // the decimal separator of the page's language, as the staff pages write it ("23,5 КБ" in Ukrainian)
        if (bytes < 1024 * 1024) {
            return getTranslation("opendata.publication.size.kb", String.format(getLocale(), "%.1f", bytes / 1024.0));
        }
        return getTranslation("opendata.publication.size.mb", String.format(getLocale(), "%.1f",
                bytes / (1024.0 * 1024)));
    }
}
