package ua.hromada.oks.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.vaadin.flow.component.UI;

import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.api.ViolationQuery;
import ua.hromada.oks.api.Violations;
import ua.hromada.oks.ui.view.OksUi;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.SearchProvider;

/**
 * Violations in the shell's global search box: "26", "№ 26" or "ID 26" opens that card; words
 * search the descriptions and addresses. The service limits the hits to what the user may see.
 */
@Component(service = SearchProvider.class)
public class OksSearchProvider implements SearchProvider {

    private static final Pattern ID = Pattern.compile("^(?:(?:id|№|n|#)\\s*:?\\s*)?(\\d{1,18})$", Pattern.CASE_INSENSITIVE);

    @Reference
    private Violations violations;
    @Reference
    private CurrentUser currentUser;

    @Override
    public String titleKey() {
        return "oks.ui.search.title";
    }

    @Override
    public String requiredPermission() {
        return OksUi.READ;
    }

    @Override
    public List<SearchHit> search(String query, int limit, Locale locale) {
        PortalUser user = currentUser.get().orElse(null);
        if (query == null || query.isBlank() || !OksUi.mayRead(user)) {
            return List.of();
        }
        UI ui = UI.getCurrent();
        List<SearchHit> hits = new ArrayList<>();
        try {
            OptionalLong id = idOf(query);
            if (id.isPresent()) {
                violations.find(user, id.getAsLong()).ifPresent(v -> hits.add(hit(ui, v)));
            }
            ViolationQuery words = new ViolationQuery(null, null, null, null, null, null, null, null, null, null, null,
                    null, query.trim(), ViolationQuery.Sort.NEWEST, 0, Math.max(1, Math.min(limit, 50)));
            for (Violation v : violations.search(user, words)) {
                if (hits.size() < limit && hits.stream().noneMatch(h -> h.route().equals(OksUi.CARD_ROUTE + v.id()))) {
                    hits.add(hit(ui, v));
                }
            }
        } catch (OksException e) {
            return List.of();
        }
        return hits;
    }

    /** The violation ID a query names, if it is one: "26", "№ 26", "ID 26", "#26". */
    static OptionalLong idOf(String query) {
        Matcher m = ID.matcher(query.trim());
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(m.group(1)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static SearchHit hit(UI ui, Violation v) {
        String title = ui.getTranslation("oks.ui.search.hit", Long.toString(v.id()), v.type() == null ? "" : v.type().name());
        StringBuilder description = new StringBuilder(OksUi.status(v.lastAction(), ui.getLocale()));
        if (v.address() != null && !v.address().isBlank()) {
            description.append(" · ").append(v.address());
        } else if (v.description() != null && !v.description().isBlank()) {
            String d = v.description().strip();
            description.append(" · ").append(d.length() > 120 ? d.substring(0, 120) + "…" : d);
        }
        return new SearchHit(title, description.toString(), OksUi.CARD_ROUTE + v.id());
    }
}
