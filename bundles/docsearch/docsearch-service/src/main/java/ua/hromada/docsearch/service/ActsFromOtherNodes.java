package ua.hromada.docsearch.service;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.docsearch.api.LegalActSearch;
import ua.hromada.portal.api.cluster.ChangeFeed;

/**
 * Several nodes on one database (docs/cluster.md): an act saved, changed or deleted on another node
 * (its audited change, topic {@code docsearch.legal-act}) is indexed again here, in its community.
 */
@Component(immediate = true)
public class ActsFromOtherNodes {

    private final ChangeFeed.Subscription subscription;

    @Activate
    public ActsFromOtherNodes(@Reference ChangeFeed feed, @Reference LegalActSearch search) {
        // this bundle's own registry: the index it keeps is the one to update
        LegalActRegistryImpl registry = (LegalActRegistryImpl) search;
        subscription = feed.subscribe(LegalActRegistryImpl.MODULE + "." + LegalActRegistryImpl.ENTITY,
                change -> registry.reindexOne(Long.parseLong(change.key())));
    }

    @Deactivate
    void deactivate() {
        subscription.close();
    }
}
