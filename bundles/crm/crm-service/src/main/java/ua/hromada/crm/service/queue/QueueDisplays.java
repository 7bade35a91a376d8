package ua.hromada.crm.service.queue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.crm.api.DeskCall;

/**
 * The hall displays open now, per community: each is told the display's lines after a call in its
 * community. Held by the queue service (no static state): the displays go with the component.
 */
final class QueueDisplays {
    private static final Logger LOG = LoggerFactory.getLogger(QueueDisplays.class);

    private final Map<String, List<Consumer<List<DeskCall>>>> byCommunity = new ConcurrentHashMap<>();
    /** The lines each community's displays show (read when a display opened, or last told). */
    private final Map<String, List<DeskCall>> told = new ConcurrentHashMap<>();

    AutoCloseable add(String community, Consumer<List<DeskCall>> display) {
        List<Consumer<List<DeskCall>>> displays = byCommunity.computeIfAbsent(community,
                c -> new CopyOnWriteArrayList<>());
        displays.add(display);
        return () -> displays.remove(display);
    }

    int count(String community) {
        return byCommunity.getOrDefault(community, List.of()).size();
    }

    /**
     * Notes that the community's displays are to show {@code lines} (decided before the telling job
     * runs, so two changes heard in a row cannot both count as news): whether that differs from
     * what they were to show before.
     */
    boolean remember(String community, List<DeskCall> lines) {
        return !lines.equals(told.put(community, lines));
    }

    /** Tells every display of the community; one that fails does not keep the others from the news. */
    void tell(String community, List<DeskCall> lines) {
        for (Consumer<List<DeskCall>> display : byCommunity.getOrDefault(community, List.of())) {
            try {
                display.accept(lines);
            } catch (RuntimeException e) {
                LOG.warn("A hall display of community {} could not be updated", community, e);
            }
        }
    }
}
