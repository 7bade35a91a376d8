package ua.hromada.docsearch.ui.view;

import java.util.List;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;

import ua.hromada.docsearch.api.ActKind;
import ua.hromada.docsearch.api.LegalActSearch;

/** Employees' search ({@code docs}); {@code ?q=} in the address runs a search at once. */
public class SearchView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    public static final String ACT_ROUTE = "docs/act/";
    private final SearchPanel panel;

    public SearchView(LegalActSearch search, List<ActKind> kinds) {
        this(search, kinds, ACT_ROUTE, "docs-view", "docsearch.ui.menu.search");
    }

    protected SearchView(LegalActSearch search, List<ActKind> kinds, String actRoute, String id, String titleKey) {
        setId(id);
        add(new H2(getTranslation(titleKey)));
        panel = new SearchPanel(search, kinds, actRoute);
        add(panel);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> q = event.getLocation().getQueryParameters().getParameters().get("q");
        if (q != null && !q.isEmpty()) {
            panel.searchFor(q.get(0));
        }
    }
}
