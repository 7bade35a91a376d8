package ua.hromada.opendata.publication;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import ua.hromada.opendata.api.RegistryListener;
import ua.hromada.opendata.api.DatasetRegistry;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.jobs.Job;
import ua.hromada.portal.api.jobs.JobTask;
import ua.hromada.portal.api.jobs.Jobs;

/**
 * The published registry as the CKAN API, the DCAT catalogue and the public page read it: one
 * {@link Snapshot} shared by all requests. A registry change (told through
 * {@link RegistryListener}) or a settings change makes the next reader rebuild it; besides, a copy
 * older than {@code cache.max.age.seconds} is refreshed in the background (changes made around the
 * registry service, e.g. SQL, show up then) while the old one is still served. Reads off the
 * caller's thread run on pool {@code opendata.publication}.
 */
@Component(service = {Publication.class, RegistryListener.class}, configurationPid = PublicationConfig.PID)
@Designate(ocd = PublicationConfig.class)
public class Publication implements RegistryListener {

    private static final Logger LOG = LoggerFactory.getLogger(Publication.class);

    private final DatasetRegistry registry;
    private final PortalSettings portal;
    private final ObjectMapper json = new ObjectMapper();
    private final Object buildLock = new Object();
    private final AtomicLong versions = new AtomicLong();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private static final String POOL = "opendata.publication";
    private final Jobs jobs;
    private volatile Job<Void> background;
    private volatile PublicationSettings settings;
    private volatile Snapshot current;
    private volatile boolean dirty = true;

    @Activate
    public Publication(@Reference DatasetRegistry registry, @Reference PortalSettings portal, @Reference Jobs jobs,
            PublicationConfig config) {
        this.registry = registry;
        this.portal = portal;
        this.jobs = jobs;
        configure(config);
        // read the registry now, off the activating thread, so the first harvester waits for nothing
        background = jobs.submit(POOL, "read published registry", JobTask.of(() -> {
            try {
                snapshot();
            } catch (RuntimeException e) {
                LOG.warn("Open data publication: the published registry could not be read yet ({}); the first "
                        + "request reads it", e.toString());
            }
        }));
    }

    /** For tests: fixed settings, no portal. */
    public Publication(DatasetRegistry registry, PublicationSettings settings, Jobs jobs) {
        this.registry = registry;
        this.portal = null;
        this.settings = settings;
        this.jobs = jobs;
    }

    @Modified
    void configure(PublicationConfig config) {
        settings = PublicationSettings.of(config, portal.communityName(), portal.publicUrl());
        dirty = true;
        LOG.info("Open data publication: catalogue '{}' at {}", settings.catalogTitle(), settings.baseUrl());
    }

    @Deactivate
    void deactivate() {
        Job<Void> running = background;
        if (running != null) {
            running.cancel();
        }
    }

    public PublicationSettings settings() {
        return settings;
    }

    public ObjectMapper json() {
        return json;
    }

    /** The current copy: rebuilt first after a change, refreshed in the background when old. */
    public Snapshot snapshot() {
        Snapshot s = current;
        if (s == null || dirty || !s.settings().equals(settings)) {
            return rebuild();
        }
        if (Duration.between(s.builtAt(), Instant.now()).compareTo(settings.maxAge()) > 0
                && refreshing.compareAndSet(false, true)) {
            try {
                background = jobs.submit(POOL, "refresh published registry", JobTask.of(() -> {
                    try {
                        dirty = true;
                        rebuild();
                    } catch (RuntimeException e) {
                        LOG.warn("Open data publication: background refresh failed: {}", e.toString());
                    } finally {
                        refreshing.set(false);
                    }
                }));
            } catch (RuntimeException e) {
                refreshing.set(false);
            }
        }
        return s;
    }

    private Snapshot rebuild() {
        synchronized (buildLock) {
            Snapshot s = current;
            PublicationSettings wanted = settings;
            if (s != null && !dirty && s.settings().equals(wanted)) {
                return s; // built by another reader while this one waited
            }
            // cleared before reading: a change committed during the build marks it dirty again
            dirty = false;
            long started = System.nanoTime();
            try {
                Snapshot built = SnapshotBuilder.build(registry, wanted, json, versions.incrementAndGet());
                current = built;
                LOG.debug("Open data publication: {} published datasets read in {} ms", built.size(),
                        (System.nanoTime() - started) / 1_000_000);
                return built;
            } catch (RuntimeException e) {
                dirty = true;
                throw e;
            }
        }
    }

    @Override
    public void registryChanged() {
        dirty = true;
    }
}
