package ua.hromada.crm.service.queue;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.crm.api.Queue;
import ua.hromada.portal.api.cluster.ChangeFeed;

/**
 * Several nodes on one database (docs/cluster.md): a ticket called, finished or missed at a desk on
 * another node (its audited step, topic {@value #TOPIC}) reaches the hall displays open on this node,
 * in the ticket's community. The feed hands over only other nodes' changes, so a local call is told
 * once, by the queue itself.
 */
@Component(immediate = true)
public class CallsFromOtherNodes {

    /** What the core publishes for the queue's audited steps: {@code <module>.<entityType>}. */
    static final String TOPIC = QueueImpl.MODULE + "." + QueueImpl.ENTITY;

    private final ChangeFeed.Subscription tickets;

    @Activate
    public CallsFromOtherNodes(@Reference ChangeFeed feed, @Reference Queue queue) {
        // this bundle's own queue: the displays it holds are the ones to tell
        QueueImpl own = (QueueImpl) queue;
        tickets = feed.subscribe(TOPIC, change -> own.tellDisplays());
    }

    @Deactivate
    void deactivate() {
        tickets.close();
    }
}
