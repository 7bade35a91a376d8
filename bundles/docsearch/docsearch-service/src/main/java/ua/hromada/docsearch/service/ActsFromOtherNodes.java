package ua.hromada.docsearch.service;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.docsearch.api.LegalActSearch;
import ua.hromada.portal.api.cluster.ChangeFeed;

/**
 * Several nodes on one database (docs/cluster.md): an act saved, changed or deleted on another node
 * (its audited change, topic {@code docsearch.legal-act}; also the text OCR recognised) is indexed
 * again here, in its community; a change of a community's catalogue of kinds (topic
 * {@value #KINDS}, written by the database's trigger on {@code act_kind}) makes this node read that
 * catalogue again.
 */
@Component(immediate = true)
public class ActsFromOtherNodes {

    /** The topic V7's trigger on docsearch.act_kind writes. */
    static final String KINDS = "docsearch.act-kind";

    private final ChangeFeed.Subscription acts;
    private final ChangeFeed.Subscription kinds;

    @Activate
    public ActsFromOtherNodes(@Reference ChangeFeed feed, @Reference LegalActSearch search) {
        // this bundle's own registry: the index it keeps is the one to update
        LegalActRegistryImpl registry = (LegalActRegistryImpl) search;
        acts = feed.subscribe(LegalActRegistryImpl.MODULE + "." + LegalActRegistryImpl.ENTITY,
                change -> registry.reindexOne(Long.parseLong(change.key())));
        kinds = feed.subscribe(KINDS, change -> registry.forgetKinds());
    }

    @Deactivate
    void deactivate() {
        acts.close();
        kinds.close();
    }
}
