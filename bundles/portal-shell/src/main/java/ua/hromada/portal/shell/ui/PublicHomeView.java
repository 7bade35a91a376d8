package ua.hromada.portal.shell.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;

import ua.hromada.portal.api.SearchProvider.SearchHit;
import ua.hromada.portal.shell.core.PortalSettingsImpl;
import ua.hromada.portal.shell.core.PublicSearch;
import ua.hromada.portal.shell.core.ShellRegistry;
import ua.hromada.portal.shell.core.ShellRegistry.ViewEntry;

/**
 * The portal's root address for anyone not signed in: the community's name and logo, a search
 * over every module's public content and a tile per public entry the modules contribute. The
 * tiles are read when the page is made, so a module that stopped is gone on the next load.
 */
public class PublicHomeView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;
    /** The home page's own route; the root address shows it to anyone not signed in. */
    public static final String ROUTE = "holovna";

    private final transient ShellRegistry registry;
    private final transient PortalSettingsImpl settings;
    private final TextField query = new TextField();
    private final Div results = new Div();

    public PublicHomeView(ShellRegistry registry, PortalSettingsImpl settings) {
        this.registry = registry;
        this.settings = settings;
        setId("public-home");
        setPadding(false);
        add(title(), search(), results, tiles());
    }

    private Component title() {
        HorizontalLayout title = new HorizontalLayout();
        title.setAlignItems(FlexComponent.Alignment.CENTER);
        title.setWrap(true);
        if (settings.logoSrc() != null) {
            // the heading beside it names the community: the logo adds no words for a screen reader
            Image logo = new Image(settings.logoSrc(), "");
            logo.setId("public-home-logo");
            logo.setHeight("72px");
            title.add(logo);
        }
        H1 name = new H1(settings.communityName(getLocale()));
        name.setId("public-home-title");
        name.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("margin", "0");
        title.add(name);
        Paragraph intro = new Paragraph(getTranslation("public.home.intro"));
        intro.setId("public-home-intro");
        VerticalLayout block = new VerticalLayout(title, intro);
        block.setPadding(false);
        return block;
    }

    private Component search() {
        query.setId("public-search");
        query.setLabel(getTranslation("public.search.label"));
        query.setPlaceholder(getTranslation("public.search.placeholder"));
        query.setClearButtonVisible(true);
        query.setMaxLength(PublicSearch.MAX_QUERY);
        query.setWidth("min(32em, 100%)");
        query.setPrefixComponent(VaadinIcon.SEARCH.create());
        query.addKeyPressListener(Key.ENTER, e -> showResults());
        Button find = new Button(getTranslation("public.search.button"), e -> showResults());
        find.setId("public-search-button");
        find.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(query, find);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        form.setWidthFull();
        form.getElement().setAttribute("role", "search");
        results.setId("public-search-results");
        results.setWidthFull();
        // a screen reader hears the answer without leaving the search box
        results.getElement().setAttribute("aria-live", "polite");
        return form;
    }

    private void showResults() {
        results.removeAll();
        String words = query.getValue().strip();
        if (words.isEmpty()) {
            return;
        }
        List<PublicSearch.Group> groups = PublicSearch.run(registry.publicSearchProviders(), words,
                PublicSearch.HITS_PER_GROUP, getLocale());
        H2 heading = new H2(getTranslation("public.search.results", words));
        heading.getStyle().set("font-size", "var(--lumo-font-size-xl)");
        results.add(heading);
        if (groups.isEmpty()) {
            Paragraph nothing = new Paragraph(getTranslation("public.search.nothing"));
            nothing.setId("public-search-nothing");
            results.add(nothing);
            return;
        }
        int groupNumber = 0;
        for (PublicSearch.Group group : groups) {
            groupNumber++;
            Section section = new Section(new H3(getTranslation(group.titleKey())));
            section.addClassName("public-search-group");
            section.getElement().setAttribute("data-group", group.titleKey());
            UnorderedList list = new UnorderedList();
            int hitNumber = 0;
            for (SearchHit hit : group.hits()) {
                Anchor link = new Anchor(hit.route(), hit.title());
                link.setId("public-hit-" + groupNumber + "-" + ++hitNumber);
                link.addClassName("public-search-hit");
                ListItem item = new ListItem(link);
                if (hit.description() != null && !hit.description().isBlank()) {
                    Span description = new Span(" — " + hit.description());
                    description.getStyle().set("color", "var(--lumo-secondary-text-color)");
                    item.add(description);
                }
                list.add(item);
            }
            section.add(list);
            results.add(section);
        }
    }

    private Component tiles() {
        H2 heading = new H2(getTranslation("public.home.entries"));
        heading.setId("public-tiles-title");
        heading.getStyle().set("font-size", "var(--lumo-font-size-xl)");
        Section section = new Section(heading);
        section.setWidthFull();
        section.getElement().setAttribute("aria-labelledby", "public-tiles-title");
        List<ViewEntry> entries = registry.publicEntries(this::getTranslation);
        if (entries.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("public.home.noEntries"));
            empty.setId("public-tiles-empty");
            section.add(empty);
            return section;
        }
        UnorderedList list = new UnorderedList();
        list.setId("public-tiles");
        list.getStyle().set("display", "grid").set("grid-template-columns", "repeat(auto-fill, minmax(16rem, 1fr))")
                .set("gap", "var(--lumo-space-m)").set("list-style", "none").set("padding", "0").set("margin", "0");
        for (ViewEntry entry : entries) {
            list.add(new ListItem(tile(entry)));
        }
        section.add(list);
        return section;
    }

    /** A public entry as one link: icon, title and the summary line, the whole tile clickable. */
    private Anchor tile(ViewEntry entry) {
        Anchor tile = new Anchor(entry.route(), "");
        tile.setId("public-tile-" + idOf(entry.route()));
        tile.addClassName("public-tile");
        tile.getElement().setAttribute("data-route", entry.route());
        tile.getStyle().set("display", "flex").set("gap", "var(--lumo-space-m)").set("align-items", "flex-start")
                .set("height", "100%").set("box-sizing", "border-box").set("padding", "var(--lumo-space-m)")
                .set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("text-decoration", "none").set("color", "var(--lumo-body-text-color)");
        String icon = entry.view().icon();
        if (icon != null && icon.contains(":")) {
            String[] parts = icon.split(":", 2);
            Icon i = new Icon(parts[0], parts[1]);
            i.getElement().setAttribute("aria-hidden", "true");
            i.setColor("var(--lumo-primary-text-color)");
            tile.add(i);
        }
        Span title = new Span(getTranslation(entry.view().titleKey()));
        title.addClassName("public-tile-title");
        title.getStyle().set("font-weight", "600").set("color", "var(--lumo-primary-text-color)")
                .set("display", "block");
        Div text = new Div(title);
        if (entry.view().summaryKey() != null) {
            Span summary = new Span(getTranslation(entry.view().summaryKey()));
            summary.addClassName("public-tile-summary");
            summary.getStyle().set("display", "block").set("color", "var(--lumo-secondary-text-color)")
                    .set("font-size", "var(--lumo-font-size-s)");
            text.add(summary);
        }
        tile.add(text);
        return tile;
    }

    /** A route as a part of an element id: {@code vidkryti-dani} as is, {@code a/b} as {@code a-b}. */
    static String idOf(String route) {
        return route.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    @Override
    public String getPageTitle() {
        return settings.communityName(getLocale());
    }
}
