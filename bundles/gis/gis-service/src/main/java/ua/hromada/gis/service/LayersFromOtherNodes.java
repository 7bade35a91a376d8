package ua.hromada.gis.service;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.portal.api.cluster.ChangeFeed;

/**
 * Several nodes on one database (docs/cluster.md): a layer created, changed or deleted on another
 * node (its audited change, topic {@value #TOPIC}) is news to this node's layer listeners as a
 * change made here is (through the registry's {@link LayerChanges}) — a layer made public there is
 * offered as open data here at once ({@link PublicLayerDatasets}), not at the next periodic scan.
 * The feed hands over only other nodes' changes, so a local change is heard once, from the registry
 * itself.
 */
@Component(immediate = true)
public class LayersFromOtherNodes {

    /** What the core publishes for the registry's audited layer changes: {@code <module>.<entityType>}. */
    static final String TOPIC = GisLayersImpl.MODULE + "." + GisLayersImpl.LAYER;

    private final ChangeFeed.Subscription layers;

    @Activate
    public LayersFromOtherNodes(@Reference ChangeFeed feed, @Reference LayerChanges registry) {
        layers = feed.subscribe(TOPIC, change -> registry.announce());
    }

    @Deactivate
    void deactivate() {
        layers.close();
    }
}
