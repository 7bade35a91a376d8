package ua.hromada.portal.shell.ui;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.SearchProvider;
import ua.hromada.portal.api.SearchProvider.SearchHit;
import ua.hromada.portal.shell.core.ShellRegistry;

/** Results of the global search, grouped by the module that found them. */
class SearchDialog extends Dialog {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SearchDialog.class);
    private static final int LIMIT = 10;

    SearchDialog(ShellRegistry registry, PortalUser user, String query) {
        setHeaderTitle(getTranslation("search.results", query));
        setId("search-dialog");
        setWidth("min(640px, 95vw)");
        VerticalLayout body = new VerticalLayout();
        body.setPadding(false);
        int total = 0;
        for (SearchProvider provider : registry.searchProvidersFor(user)) {
            List<SearchHit> hits;
            try {
                hits = provider.search(query, LIMIT, UI.getCurrent().getLocale());
            } catch (RuntimeException e) {
                LOG.error("Search provider {} failed", provider.getClass().getName(), e);
                body.add(new H4(getTranslation(provider.titleKey())), new Paragraph(getTranslation("search.failed")));
                continue;
            }
            if (hits.isEmpty()) {
                continue;
            }
            total += hits.size();
            body.add(new H4(getTranslation(provider.titleKey())));
            for (SearchHit hit : hits) {
                Anchor link = new Anchor(hit.route(), hit.title());
                link.getElement().addEventListener("click", e -> close());
                VerticalLayout row = new VerticalLayout(link);
                row.setPadding(false);
                row.setSpacing(false);
                if (hit.description() != null) {
                    Span description = new Span(hit.description());
                    description.getStyle().set("color", "var(--lumo-secondary-text-color)");
                    row.add(description);
                }
                body.add(row);
            }
        }
        if (total == 0) {
            body.add(new Paragraph(getTranslation("search.nothing")));
        }
        add(body);
        getFooter().add(new Button(getTranslation("common.close"), e -> close()));
    }
}
