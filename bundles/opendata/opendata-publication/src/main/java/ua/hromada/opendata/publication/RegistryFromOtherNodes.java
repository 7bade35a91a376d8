package ua.hromada.opendata.publication;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.portal.api.cluster.ChangeFeed;

/**
 * Several nodes on one database (docs/cluster.md): a change of the registry made on another node (its
 * audited change, topics {@code opendata.<entity>}) makes this node's copy of that community's
 * published registry, and with it the cached CKAN and DCAT answers, be read again.
 */
@Component(immediate = true)
public class RegistryFromOtherNodes {

    /** The entity types the registry audits its changes as. */
    static final List<String> TOPICS = List.of("opendata.dataset", "opendata.resource", "opendata.data-manager",
            "opendata.ckan-import");

    private final List<ChangeFeed.Subscription> subscriptions;

    @Activate
    public RegistryFromOtherNodes(@Reference ChangeFeed feed, @Reference Publication publication) {
        subscriptions = TOPICS.stream().map(topic -> feed.subscribe(topic, change -> publication.registryChanged()))
                .toList();
    }

    @Deactivate
    void deactivate() {
        subscriptions.forEach(ChangeFeed.Subscription::close);
    }
}
