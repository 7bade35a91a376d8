package ua.hromada.docsearch.ui.view;

import java.util.List;

import ua.hromada.docsearch.api.ActKind;
import ua.hromada.docsearch.api.LegalActSearch;

/** Residents' search ({@code dokumenty}, no sign-in): the same search, leading to public pages. */
public class PublicSearchView extends SearchView {

    private static final long serialVersionUID = 1L;
    public static final String ACT_ROUTE = "dokumenty/";

    public PublicSearchView(LegalActSearch search, List<ActKind> kinds) {
        super(search, kinds, "dokumenty", ACT_ROUTE, "public-docs-view", "docsearch.ui.menu.public");
    }
}
