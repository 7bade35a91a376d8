package ua.hromada.gis.service;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.gis.api.Layer;
import ua.hromada.gis.exchange.GisExchange;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.api.dataset.DatasetProvider;
import ua.hromada.portal.api.jobs.Job;
import ua.hromada.portal.api.jobs.JobTask;
import ua.hromada.portal.api.jobs.Jobs;

/**
 * Publishes one {@link DatasetProvider} per key of a layer that is public in some community, so the
 * open data module (when installed) lists every public layer as a live dataset; a key no community
 * keeps public any more is withdrawn (open data keeps the dataset, marked not live). The keys are
 * read at start, after every change to the layer registry (this is its {@link LayerChangeListener}:
 * a layer made public is offered to open data at once, which registers a new provider as it
 * arrives; a change on another node is heard the same way through {@link LayersFromOtherNodes}) and
 * every few minutes for changes made outside the registry service (SQL).
 */
@Component(immediate = true, service = LayerChangeListener.class)
public class PublicLayerDatasets implements LayerChangeListener {
    private static final Logger LOG = LoggerFactory.getLogger(PublicLayerDatasets.class);
    static final Duration RESCAN = Duration.ofMinutes(5);

    /** Where the providers go: the service registry in Karaf, a map in tests. */
    interface Publisher {
        Object publish(PublicLayerDataset dataset);

        void withdraw(Object handle);
    }

    private final GisDatabase db;
    private final Communities communities;
    private final GisExchange exchange;
    private final Publisher publisher;
    private final Map<String, Object> published = new ConcurrentHashMap<>();
    private final Jobs jobs;
    private final Job<Void> schedule;

    @Activate
    public PublicLayerDatasets(@Reference GisDatabase db, @Reference Communities communities,
            @Reference GisExchange exchange, @Reference Jobs jobs, BundleContext context) {
        this(db, communities, exchange, new Publisher() {
            @Override
            public Object publish(PublicLayerDataset dataset) {
                return context.registerService(DatasetProvider.class, dataset, null);
            }

            @Override
            public void withdraw(Object handle) {
                try {
                    ((ServiceRegistration<?>) handle).unregister();
                } catch (IllegalStateException e) {
                    // already gone with the bundle
                }
            }
        }, jobs);
    }

    PublicLayerDatasets(GisDatabase db, Communities communities, GisExchange exchange, Publisher publisher, Jobs jobs) {
        this.db = db;
        this.communities = communities;
        this.exchange = exchange;
        this.publisher = publisher;
        this.jobs = jobs;
        rescan();
        this.schedule = jobs == null ? null
                : jobs.repeat("gis.datasets", "public layers as open datasets", RESCAN, RESCAN, JobTask.of(this::rescan));
    }

    /** A scan of its own, off the saving thread (in tests without jobs: at once). */
    @Override
    public void layersChanged() {
        if (jobs == null) {
            rescan();
        } else {
            jobs.submit("gis.datasets", "public layers as open datasets after a registry change", JobTask.of(this::rescan));
        }
    }

    /** Publishes the keys public now in any community, withdraws the others; the keys published after. */
    synchronized Set<String> rescan() {
        Set<String> keys = new TreeSet<>();
        for (Community community : communities.all()) {
            try {
                communities.runAs(community.id(), () -> db.read(c -> LayerStore.layers(c, true))
                        .stream().map(Layer::key).forEach(keys::add));
            } catch (RuntimeException e) {
                // that community's layers stay as they were published until the next scan
                LOG.warn("public GIS layers of community {} not read", community.id(), e);
                published.keySet().forEach(keys::add);
            }
        }
        for (String key : keys) {
            published.computeIfAbsent(key, k -> publisher.publish(new PublicLayerDataset(k, db, exchange)));
        }
        for (String key : Set.copyOf(published.keySet())) {
            if (!keys.contains(key)) {
                publisher.withdraw(published.remove(key));
            }
        }
        return Set.copyOf(published.keySet());
    }

    @Deactivate
    void stop() {
        if (schedule != null) {
            schedule.cancel();
        }
        published.values().forEach(publisher::withdraw);
        published.clear();
    }
}
