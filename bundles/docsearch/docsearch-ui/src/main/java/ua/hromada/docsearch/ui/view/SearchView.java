package ua.hromada.docsearch.ui.view;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;

import ua.hromada.docsearch.api.ActKind;
import ua.hromada.docsearch.api.LegalActSearch;
import ua.hromada.docsearch.api.SearchQuery;
import ua.hromada.docsearch.ui.api.SearchParams;
import ua.hromada.docsearch.ui.api.SearchParams.BadParameter;

/**
 * Employees' search ({@code docs}). The search lives in the address — {@code q} and the filters,
 * named as in the documents API ({@code kind}, {@code status}, {@code body}, {@code year},
 * {@code from}, {@code to}, {@code sort}): each search a person starts becomes a history entry
 * (typing only replaces the current one), so a link or a reload shows the same search and Back
 * returns to the previous one.
 */
public class SearchView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    public static final String ACT_ROUTE = "docs/act/";
    private final SearchPanel panel;
    private final String route;

    public SearchView(LegalActSearch search, List<ActKind> kinds) {
        this(search, kinds, "docs", ACT_ROUTE, "docs-view", "docsearch.ui.menu.search");
    }

    protected SearchView(LegalActSearch search, List<ActKind> kinds, String route, String actRoute, String id,
            String titleKey) {
        this.route = route;
        setId(id);
        add(new H2(getTranslation(titleKey)));
        panel = new SearchPanel(search, kinds, actRoute);
        panel.setStateListener(this::searched);
        add(panel);
    }

    /** A search a person started: the address shows it (no navigation, the page is already there). */
    private void searched(SearchQuery query, boolean newEntry) {
        Location location = new Location(route, QueryParameters.full(toArrays(SearchParams.toParameters(query))));
        getUI().ifPresent(ui -> {
            if (newEntry) {
                ui.getPage().getHistory().pushState(null, location, false);
            } else {
                ui.getPage().getHistory().replaceState(null, location, false);
            }
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        SearchQuery wanted;
        try {
            wanted = SearchParams.parseLists(params);
        } catch (BadParameter e) {
            // a hand-edited address: keep the words, drop what cannot be read
            List<String> q = params.get("q");
            wanted = SearchQuery.text(q == null || q.isEmpty() ? "" : q.get(0));
        }
        // the address of the search already shown (e.g. one this page pushed): nothing to do
        if (!Objects.equals(SearchParams.toParameters(wanted), SearchParams.toParameters(panel.current()))) {
            panel.restore(wanted);
        }
    }

    private static Map<String, String[]> toArrays(Map<String, List<String>> params) {
        Map<String, String[]> out = new java.util.LinkedHashMap<>();
        params.forEach((name, values) -> out.put(name, values.toArray(String[]::new)));
        return out;
    }
}
