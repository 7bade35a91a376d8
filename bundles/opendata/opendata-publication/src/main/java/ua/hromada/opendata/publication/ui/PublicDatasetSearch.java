package ua.hromada.opendata.publication.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.opendata.publication.Publication;
import ua.hromada.opendata.publication.PublishedDataset;
import ua.hromada.opendata.publication.Snapshot;
import ua.hromada.opendata.publication.ckan.PackageSearch;
import ua.hromada.portal.api.PublicSearchProvider;
import ua.hromada.portal.api.SearchProvider.SearchHit;

/**
 * Published datasets in the public home page's search: the community's published registry found
 * as the public page {@code vidkryti-dani} finds it (the same words, the same order), a hit
 * opening the dataset's passport there ({@code vidkryti-dani?nabir=<identifier>}).
 */
@Component(service = PublicSearchProvider.class)
public class PublicDatasetSearch implements PublicSearchProvider {

    private final Publication publication;

    @Activate
    public PublicDatasetSearch(@Reference Publication publication) {
        this.publication = publication;
    }

    @Override
    public String titleKey() {
        return "opendata.publication.page.title";
    }

    @Override
    public int order() {
        return PublicPages.ORDER;
    }

    @Override
    public List<SearchHit> search(String query, int limit, Locale locale) {
        if (query == null || query.isBlank() || limit <= 0) {
            return List.of();
        }
        Snapshot s = publication.snapshot();
        PackageSearch.Result r = new PageQuery(query.strip(), null, null, null, null, 0).runAsWords(s);
        List<SearchHit> hits = new ArrayList<>();
        for (int i : r.indexes()) {
            if (hits.size() == limit) {
                break;
            }
            PublishedDataset p = s.datasets().get(i);
            hits.add(new SearchHit(p.dataset().title(), p.organization().title(),
                    PublicPages.datasetRoute(p.dataset().identifier())));
        }
        return hits;
    }
}
