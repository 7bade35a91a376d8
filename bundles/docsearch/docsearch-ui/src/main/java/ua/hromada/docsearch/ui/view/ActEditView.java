package ua.hromada.docsearch.ui.view;

import java.util.Optional;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;

import ua.hromada.docsearch.api.LegalAct;
import ua.hromada.docsearch.api.LegalActRegistry;
import ua.hromada.docsearch.api.LegalActSearch;
import ua.hromada.portal.api.CurrentUser;

/** {@code docs/edit/:id}: the act form filled with an existing act. */
public class ActEditView extends ActFormView implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;

    public ActEditView(LegalActRegistry registry, LegalActSearch search, CurrentUser currentUser) {
        super(registry, search, currentUser);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<LegalAct> act = event.getRouteParameters().get("id").flatMap(ActView::parseId).flatMap(registry::find);
        if (act.isEmpty()) {
            // the act page says "not found" in plain words
            event.forwardTo(SearchView.ACT_ROUTE + event.getRouteParameters().get("id").orElse("0"));
            return;
        }
        load(act.get());
    }
}
