package ua.hromada.eservices.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.eservices.api.EService;
import ua.hromada.eservices.api.ServiceCatalogue;
import ua.hromada.eservices.api.ServiceQuery;
import ua.hromada.eservices.ui.catalogue.PublicServicesView;
import ua.hromada.portal.api.PublicSearchProvider;
import ua.hromada.portal.api.SearchProvider.SearchHit;

/**
 * The active e-services in the public home page's search: each hit opens the public catalogue
 * showing that service ({@code posluhy?q=<its name>}).
 */
@Component(service = PublicSearchProvider.class)
public class ServicesPublicSearch implements PublicSearchProvider {
    private final ServiceCatalogue catalogue;

    @Activate
    public ServicesPublicSearch(@Reference ServiceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public String titleKey() {
        return "eservices.ui.search.public";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<SearchHit> search(String query, int limit, Locale locale) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        return catalogue.published(ServiceQuery.text(query), 0, limit).stream().map(ServicesPublicSearch::hit).toList();
    }

    static String route(EService s) {
        return PublicServicesView.ROUTE + "?q=" + URLEncoder.encode(s.name(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static SearchHit hit(EService s) {
        return new SearchHit(s.name(), s.description(), route(s));
    }
}
