package ua.hromada.crm.service.routing;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.crm.api.Routing;
import ua.hromada.portal.api.cluster.ChangeFeed;

/**
 * Several nodes on one database (docs/cluster.md): a community's routing model retrained on another
 * node («Перенавчити» or the retraining rule; topic {@value RoutingImpl#TOPIC}) is retrained here too,
 * on pool {@code crm.routing}, so every node suggests from the same confirmed routings. The feed
 * hands over only other nodes' changes.
 */
@Component(immediate = true)
public class RoutingFromOtherNodes {

    private final ChangeFeed.Subscription models;

    @Activate
    public RoutingFromOtherNodes(@Reference ChangeFeed feed, @Reference Routing routing) {
        // this bundle's own routing: the models it holds are the ones to retrain
        RoutingImpl own = (RoutingImpl) routing;
        models = feed.subscribe(RoutingImpl.TOPIC, change -> own.followOtherNode());
    }

    @Deactivate
    public void deactivate() {
        models.close();
    }
}
