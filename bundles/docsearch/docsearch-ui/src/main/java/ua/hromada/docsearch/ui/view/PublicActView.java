package ua.hromada.docsearch.ui.view;

import ua.hromada.docsearch.api.LegalActRegistry;
import ua.hromada.portal.api.CurrentUser;

/** The residents' page of an act ({@code dokumenty/:id}): read-only, with download links. */
public class PublicActView extends ActView {

    private static final long serialVersionUID = 1L;

    public PublicActView(LegalActRegistry registry, CurrentUser currentUser) {
        super(registry, currentUser, "dokumenty", PublicSearchView.ACT_ROUTE, false, null);
    }
}
