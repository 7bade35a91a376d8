package ua.hromada.opendata.publication;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.api.jobs.Job;
import ua.hromada.portal.api.jobs.JobTask;
import ua.hromada.portal.api.jobs.Jobs;

/**
 * The published registry as the CKAN API, the DCAT catalogue and the public page read it: one
 * {@link Snapshot} per community (regional hosting: each host name's community sees its own
 * datasets and publisher only), shared by that community's requests. A registry change (told
 * through {@link RegistryListener}, in the changing community) or a settings change makes the next
 * reader rebuild it; besides, a copy older than {@code cache.max.age.seconds} is refreshed in the
 * background (changes made around the registry service, e.g. SQL, show up then) while the old one
 * is still served; a refresh that finds nothing new keeps the copy, and with it the answers cached
 * for it. Reads off the caller's thread run on pool {@code opendata.publication}.
 */
@Component(service = {Publication.class, RegistryListener.class}, configurationPid = PublicationConfig.PID)
@Designate(ocd = PublicationConfig.class)
public class Publication implements RegistryListener {

    private static final Logger LOG = LoggerFactory.getLogger(Publication.class);
    private static final String POOL = "opendata.publication";
    /** The Hromada-Module key of the open data bundles. */
    private static final String MODULE = "opendata";

    private final DatasetRegistry registry;
    private final PortalSettings portal;
    private final Communities communities;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong versions = new AtomicLong();
    private final Jobs jobs;
    /** The copy, its state and its lock per community id. */
    private final Map<String, Copy> copies = new ConcurrentHashMap<>();
    private volatile Job<Void> background;
    /** The shared settings (config/ and the portal's); each community's overlay is applied on them. */
    private volatile PublicationSettings shared;

    /** One community's published registry. */
    private static final class Copy {
        final Object buildLock = new Object();
        final AtomicBoolean refreshing = new AtomicBoolean();
        volatile Snapshot current;
        /** When the registry was last read for it: its age, even when that read found nothing new. */
        volatile Instant readAt;
        volatile boolean dirty = true;
    }

    @Activate
    public Publication(@Reference DatasetRegistry registry, @Reference PortalSettings portal, @Reference Jobs jobs,
            @Reference Communities communities, PublicationConfig config) {
        this.registry = registry;
        this.portal = portal;
        this.jobs = jobs;
        this.communities = communities;
        configure(config);
        // read every community's registry now, off the activating thread, so the first harvester waits for nothing
        background = jobs.submit(POOL, "read published registries", JobTask.of(() -> {
            for (Community c : communities.all()) {
                if (!c.moduleEnabled(MODULE)) {
                    continue; // its CKAN API and catalogue are absent: nothing to read ahead
                }
                try {
                    communities.runAs(c.id(), this::snapshot);
                } catch (RuntimeException e) {
                    LOG.warn("Open data publication of community {}: the published registry could not be read yet ({});"
                            + " the first request reads it", c.id(), e.toString());
                }
            }
        }));
    }

    /** For tests: fixed shared settings (each community's overlay applies on them), no portal. */
    public Publication(DatasetRegistry registry, PublicationSettings settings, Jobs jobs, Communities communities) {
        this.registry = registry;
        this.portal = null;
        this.shared = settings;
        this.jobs = jobs;
        this.communities = communities;
    }

    @Modified
    void configure(PublicationConfig config) {
        shared = PublicationSettings.of(config, portal.communityName(), portal.publicUrl(), portal.timeZone());
        copies.values().forEach(c -> c.dirty = true);
        LOG.info("Open data publication: catalogue '{}' at {}", shared.catalogTitle(), shared.baseUrl());
    }

    @Deactivate
    void deactivate() {
        Job<Void> running = background;
        if (running != null) {
            running.cancel();
        }
    }

    /** The id of the community the publication answers for now (the host name's, in a request). */
    public String community() {
        return communities.current().id();
    }

    /** The current community's settings: its overlay on the shared ones. */
    public PublicationSettings settings() {
        return settingsOf(communities.current());
    }

    /** {@code community} is the one bound now: its time zone is the portal's (PortalSettings) of that community. */
    PublicationSettings settingsOf(Community community) {
        PublicationSettings s = shared;
        boolean own = !Communities.DEFAULT.equals(community.id());
        return s.overlaid(key -> community.setting(PublicationConfig.PID, key), own ? community.name() : null,
                own ? ownBaseUrl(community, s.baseUrl()) : null, portal == null ? null : portal.timeZone());
    }

    /**
     * A community's own address when it sets none: its portal address, else the shared one with its
     * first host name in place of the shared host (same scheme and port), else the shared one.
     */
    private static String ownBaseUrl(Community community, String sharedUrl) {
        var publicUrl = community.setting("ua.hromada.portal", "public.url");
        if (publicUrl.isPresent()) {
            return publicUrl.get();
        }
        if (community.hosts().isEmpty()) {
            return sharedUrl;
        }
        try {
            URI u = URI.create(sharedUrl);
            return new URI(u.getScheme(), null, community.hosts().get(0), u.getPort(), u.getPath(), null, null)
                    .toString();
        } catch (IllegalArgumentException | URISyntaxException e) {
            return sharedUrl;
        }
    }

    public ObjectMapper json() {
        return json;
    }

    /** The current community's copy: rebuilt first after a change, refreshed in the background when old. */
    public Snapshot snapshot() {
        Community community = communities.current();
        Copy copy = copies.computeIfAbsent(community.id(), id -> new Copy());
        PublicationSettings wanted = settingsOf(community);
        Snapshot s = copy.current;
        if (s == null || copy.dirty || !s.settings().equals(wanted)) {
            return rebuild(copy, wanted);
        }
        if (Duration.between(copy.readAt, Instant.now()).compareTo(wanted.maxAge()) > 0
                && copy.refreshing.compareAndSet(false, true)) {
            try {
                String id = community.id();
                background = jobs.submit(POOL, "refresh published registry of " + id, JobTask.of(() -> {
                    try {
                        communities.runAs(id, this::refresh);
                    } catch (RuntimeException e) {
                        LOG.warn("Open data publication of community {}: background refresh failed: {}", id,
                                e.toString());
                    } finally {
                        copy.refreshing.set(false);
                    }
                }));
            } catch (RuntimeException e) {
                copy.refreshing.set(false);
            }
        }
        return s;
    }

    /**
     * Reads the current community's registry again now, as the background refresh of an old copy
     * does: the copy it gives is the old one when nothing published changed.
     */
    Snapshot refresh() {
        Copy copy = copies.computeIfAbsent(communities.current().id(), id -> new Copy());
        copy.dirty = true;
        return rebuild(copy, settingsOf(communities.current()));
    }

    private Snapshot rebuild(Copy copy, PublicationSettings wanted) {
        synchronized (copy.buildLock) {
            Snapshot s = copy.current;
            if (s != null && !copy.dirty && s.settings().equals(wanted)) {
                return s; // built by another reader while this one waited
            }
            // cleared before reading: a change committed during the build marks it dirty again
            copy.dirty = false;
            long started = System.nanoTime();
            try {
                Instant readAt = Instant.now();
                Snapshot built = SnapshotBuilder.build(registry, wanted, json, versions.incrementAndGet());
                copy.readAt = readAt;
                if (s != null && built.sameAs(s)) {
                    // the refresh of an old copy mostly finds nothing new: keeping the copy keeps its
                    // version, so the answers cached for it (CKAN searches, DCAT files) stay valid. A
                    // node of many communities refreshes one copy or other every second or so.
                    LOG.debug("Open data publication of community {}: unchanged, {} published datasets read in {} ms",
                            communities.current().id(), built.size(), (System.nanoTime() - started) / 1_000_000);
                    return s;
                }
                copy.current = built;
                LOG.debug("Open data publication of community {}: {} published datasets read in {} ms",
                        communities.current().id(), built.size(), (System.nanoTime() - started) / 1_000_000);
                return built;
            } catch (RuntimeException e) {
                copy.dirty = true;
                throw e;
            }
        }
    }

    /** A change in the current community's registry: only its copy is read again. */
    @Override
    public void registryChanged() {
        Copy copy = copies.get(communities.current().id());
        if (copy != null) {
            copy.dirty = true;
        }
    }
}
