package ua.hromada.eservices.ui.catalogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;

import ua.hromada.eservices.api.Audience;
import ua.hromada.eservices.api.EService;
import ua.hromada.eservices.api.LifeSituation;
import ua.hromada.eservices.api.ServiceCatalogue;
import ua.hromada.eservices.api.ServiceCategory;
import ua.hromada.eservices.api.ServiceQuery;

/**
 * {@code posluhy}: the residents' single window of e-services, without sign-in — search, category,
 * life situation and audience filters, the active services as cards linking out (a new tab, said in
 * words), page by page. The filters are in the address, so a search can be shared and the public
 * home page's search leads here ({@code posluhy?q=…}).
 */
public class PublicServicesView extends VerticalLayout implements BeforeEnterObserver {
    private static final long serialVersionUID = 1L;
    public static final String ROUTE = "posluhy";
    static final int PAGE = 12;
    /** Off screen but read by screen readers (the usual "visually hidden" technique). */
    private static final Map<String, String> VISUALLY_HIDDEN = Map.of("position", "absolute", "width", "1px",
            "height", "1px", "overflow", "hidden", "clip", "rect(0 0 0 0)", "white-space", "nowrap", "margin", "-1px",
            "padding", "0", "border", "0");

    private final transient ServiceCatalogue catalogue;
    private final transient List<ServiceCategory> categories;
    private final transient List<LifeSituation> situations;
    final TextField text = new TextField();
    final Select<String> category = new Select<>();
    final Select<String> situation = new Select<>();
    final Select<String> audience = new Select<>();
    final Paragraph status = new Paragraph();
    final UnorderedList cards = new UnorderedList();
    final Button previous = new Button();
    final Button next = new Button();
    private final Span pageText = new Span();
    final Nav pages = new Nav();
    private int page;
    private boolean restoring;

    public PublicServicesView(ServiceCatalogue catalogue) {
        this.catalogue = catalogue;
        this.categories = catalogue.categories();
        this.situations = catalogue.situations();
        setId("eservices-public-services");
        setMaxWidth("1100px");
        add(new H1(getTranslation("eservices.ui.public.title")));
        add(new Paragraph(getTranslation("eservices.ui.public.intro")));
        add(filters());
        status.setId("eservices-public-status");
        status.getElement().setAttribute("role", "status");
        cards.setId("eservices-public-cards");
        cards.getStyle().set("list-style", "none").set("padding", "0").set("margin", "0").set("display", "grid")
                .set("grid-template-columns", "repeat(auto-fill, minmax(280px, 1fr))").set("gap", "var(--lumo-space-m)")
                .set("width", "100%");
        previous.setText(getTranslation("eservices.ui.public.previous"));
        previous.setId("eservices-public-previous");
        previous.addClickListener(e -> show(page - 1));
        next.setText(getTranslation("eservices.ui.public.next"));
        next.setId("eservices-public-next");
        next.addClickListener(e -> show(page + 1));
        pageText.setId("eservices-public-page");
        HorizontalLayout pager = new HorizontalLayout(previous, pageText, next);
        pager.setAlignItems(FlexComponent.Alignment.CENTER);
        pages.add(pager);
        pages.getElement().setAttribute("aria-label", getTranslation("eservices.ui.public.pages"));
        add(status, cards, pages);
        show(0);
    }

    private Div filters() {
        text.setId("eservices-public-text");
        text.setLabel(getTranslation("eservices.ui.public.search"));
        text.setPlaceholder(getTranslation("eservices.ui.public.searchHint"));
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setWidth("20em");
        choice(category, "eservices-public-category", "eservices.ui.public.category",
                categories.stream().map(ServiceCategory::code).toList(),
                code -> categories.stream().filter(c -> c.code().equals(code)).map(ServiceCategory::name).findFirst());
        choice(situation, "eservices-public-situation", "eservices.ui.public.situation",
                situations.stream().map(LifeSituation::code).toList(),
                code -> situations.stream().filter(s -> s.code().equals(code)).map(LifeSituation::name).findFirst());
        choice(audience, "eservices-public-audience", "eservices.ui.public.audience",
                List.of(Audience.RESIDENTS.name(), Audience.BUSINESS.name()),
                code -> Optional.of(getTranslation("eservices.ui.public.audience." + code)));
        text.addValueChangeListener(e -> changed());
        category.addValueChangeListener(e -> changed());
        situation.addValueChangeListener(e -> changed());
        audience.addValueChangeListener(e -> changed());
        Div form = new Div(text, category, situation, audience);
        form.setId("eservices-public-filters");
        form.getElement().setAttribute("role", "search");
        form.getElement().setAttribute("aria-label", getTranslation("eservices.ui.public.filters"));
        form.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)")
                .set("align-items", "baseline");
        return form;
    }

    /** A select whose empty choice means "any"; its values are codes. */
    private void choice(Select<String> select, String id, String labelKey, List<String> codes,
            java.util.function.Function<String, Optional<String>> label) {
        select.setId(id);
        select.setLabel(getTranslation(labelKey));
        select.setItems(codes);
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(getTranslation("eservices.ui.public.any"));
        select.setItemLabelGenerator(code -> code == null ? getTranslation("eservices.ui.public.any")
                : label.apply(code).orElse(code));
    }

    ServiceQuery query() {
        Long categoryId = categories.stream().filter(c -> c.code().equals(category.getValue())).map(ServiceCategory::id)
                .findFirst().orElse(null);
        Long situationId = situations.stream().filter(s -> s.code().equals(situation.getValue()))
                .map(LifeSituation::id).findFirst().orElse(null);
        Audience wanted = audience.getValue() == null ? null : Audience.valueOf(audience.getValue());
        return new ServiceQuery(text.getValue(), categoryId, situationId, wanted, null, null, null, false);
    }

    private void changed() {
        if (restoring) {
            return;
        }
        show(0);
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location(ROUTE, QueryParameters.simple(parameters()))));
    }

    private Map<String, String> parameters() {
        Map<String, String> out = new LinkedHashMap<>();
        if (!text.getValue().isBlank()) {
            out.put("q", text.getValue().strip());
        }
        Optional.ofNullable(category.getValue()).ifPresent(v -> out.put("category", v));
        Optional.ofNullable(situation.getValue()).ifPresent(v -> out.put("situation", v));
        Optional.ofNullable(audience.getValue()).ifPresent(v -> out.put("audience", v));
        return out;
    }

    void show(int wanted) {
        ServiceQuery q = query();
        long total = catalogue.countPublished(q);
        int last = (int) Math.max(0, (total - 1) / PAGE);
        page = Math.max(0, Math.min(wanted, last));
        cards.removeAll();
        for (EService s : catalogue.published(q, page * PAGE, PAGE)) {
            cards.add(card(s));
        }
        status.setText(total == 0 ? getTranslation("eservices.ui.public.empty")
                : getTranslation("eservices.ui.public.found", total));
        pageText.setText(getTranslation("eservices.ui.public.page", page + 1, last + 1));
        previous.setEnabled(page > 0);
        next.setEnabled(page < last);
        pages.setVisible(total > PAGE);
    }

    private ListItem card(EService s) {
        Anchor link = new Anchor(s.url(), s.name());
        link.setTarget("_blank");
        link.getElement().setAttribute("rel", "noopener noreferrer");
        Span newTab = new Span(" " + getTranslation("eservices.ui.public.newTab"));
        VISUALLY_HIDDEN.forEach(newTab.getStyle()::set);
        link.add(newTab);
        link.setId("eservices-public-link-" + s.code());
        H2 title = new H2(link);
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0 0 var(--lumo-space-s) 0");
        ListItem item = new ListItem(title);
        if (s.description() != null) {
            item.add(new Paragraph(s.description()));
        }
        String categoryName = categories.stream().filter(c -> Objects.equals(c.id(), s.categoryId()))
                .map(ServiceCategory::name).findFirst().orElse(null);
        Paragraph meta = new Paragraph((categoryName == null ? "" : categoryName + " · ")
                + getTranslation("eservices.ui.public.provider." + s.provider().name()) + " · "
                + getTranslation("eservices.ui.public.for." + s.audience().name()));
        meta.getStyle().set("font-size", "var(--lumo-font-size-s)").set("margin", "0");
        item.add(meta);
        item.addClassName("eservices-public-card");
        item.getStyle().set("border", "1px solid var(--lumo-contrast-30pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-m)");
        return item;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        restore(event.getLocation().getQueryParameters().getParameters());
    }

    /** The filters an address names (unknown codes dropped), shown. */
    void restore(Map<String, List<String>> params) {
        Map<String, String> shown = parameters();
        restoring = true;
        try {
            text.setValue(first(params, "q").orElse(""));
            category.setValue(first(params, "category").filter(c -> categories.stream().anyMatch(x -> x.code().equals(c)))
                    .orElse(null));
            situation.setValue(first(params, "situation")
                    .filter(c -> situations.stream().anyMatch(x -> x.code().equals(c))).orElse(null));
            audience.setValue(first(params, "audience").filter(a -> a.equals("RESIDENTS") || a.equals("BUSINESS"))
                    .orElse(null));
        } finally {
            restoring = false;
        }
        // the plain address shows what the page built already: no second round of queries
        if (!parameters().equals(shown)) {
            show(0);
        }
    }

    private static Optional<String> first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
