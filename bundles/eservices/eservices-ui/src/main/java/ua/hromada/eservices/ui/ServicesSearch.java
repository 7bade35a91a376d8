package ua.hromada.eservices.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.eservices.api.ServiceCatalogue;
import ua.hromada.eservices.api.ServiceQuery;
import ua.hromada.portal.api.SearchProvider;

/** The catalogue's services, hidden ones too, in the employees' search box: a hit opens the editor filtered to it. */
@Component(service = SearchProvider.class)
public class ServicesSearch implements SearchProvider {
    private final ServiceCatalogue catalogue;

    @Activate
    public ServicesSearch(@Reference ServiceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public String titleKey() {
        return "eservices.ui.search.employees";
    }

    @Override
    public String requiredPermission() {
        return EservicesUi.CATALOGUE;
    }

    @Override
    public List<SearchHit> search(String query, int limit, Locale locale) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        return catalogue.list(ServiceQuery.text(query), 0, limit).stream()
                .map(s -> new SearchHit(s.name(), s.url(), CatalogueContribution.ROUTE + "?q="
                        + URLEncoder.encode(s.code(), StandardCharsets.UTF_8)))
                .toList();
    }
}
