package ua.hromada.opendata.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.UpdateFrequency;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.api.dataset.DatasetProvider;
import ua.hromada.portal.api.jobs.Job;
import ua.hromada.portal.api.jobs.JobTask;
import ua.hromada.portal.api.jobs.Jobs;

/**
 * Registers the datasets other modules produce ({@link DatasetProvider} services) in the registry
 * and refreshes their files on the configured schedule: one uploaded resource per format, the
 * provider's own output with its checksum. A provider that goes away leaves its dataset in place,
 * marked not live; nothing is deleted. Each community the portal serves with the provider's module
 * enabled gets its own live dataset, from the provider's output while that community is bound
 * (regional hosting). All of it runs on pool {@code opendata.providers}, one thread: a provider's
 * arrival, departure and the scheduled refresh never overlap.
 */
@Component(service = ProviderSync.class, immediate = true, configurationPid = OpendataConfig.PID)
public class ProviderSync {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderSync.class);

    private final DatasetRegistryImpl registry;
    private final OpendataSettings settings;
    private final Map<String, DatasetProvider> providers = new ConcurrentHashMap<>();
    private static final String POOL = "opendata.providers";
    private final Jobs jobs;
    private final Communities communities;
    /** This component's jobs not finished yet (the schedule among them), cancelled when it stops. */
    private final Set<Job<?>> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    @Activate
    public ProviderSync(@Reference DatasetRegistryImpl registry, @Reference Jobs jobs,
            @Reference Communities communities, OpendataConfig config) {
        this(registry, registry.settings(), jobs, communities);
        Duration every = Duration.ofMinutes(settings.refreshMinutes());
        track(jobs.repeat(POOL, "refresh provided datasets", every, every, JobTask.of(this::refreshAll)));
    }

    /** For tests: no periodic schedule; they call {@link #refreshAll()} themselves. */
    ProviderSync(DatasetRegistryImpl registry, OpendataSettings settings, Jobs jobs, Communities communities) {
        this.registry = registry;
        this.communities = communities;
        this.settings = settings;
        this.jobs = jobs;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProvider(DatasetProvider provider) {
        providers.put(key(provider), provider);
        submit("sync " + key(provider), () -> everywhere(provider, () -> sync(provider)));
    }

    void removeProvider(DatasetProvider provider) {
        // when this component itself stops, the providers have not gone: their datasets stay live
        if (closed || !providers.remove(key(provider), provider)) {
            return;
        }
        submit("mark gone " + key(provider), () -> everywhere(provider, () -> markGone(provider)));
    }

    @Deactivate
    void deactivate() {
        closed = true;
        List<Job<?>> left = List.copyOf(running);
        left.forEach(Job::cancel);
        for (Job<?> job : left) {
            try {
                job.result().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
                // cancelled or failed: stopped either way
            }
        }
    }

    /** Refreshes every present provider in every community (the schedule's job). */
    void refreshAll() {
        for (DatasetProvider p : List.copyOf(providers.values())) {
            everywhere(p, () -> sync(p));
        }
    }

    /** The work once per community that has open data and the provider's module, with that community bound. */
    private void everywhere(DatasetProvider p, Runnable work) {
        for (Community community : communities.all()) {
            if (closed) {
                return;
            }
            if (community.moduleEnabled(RegistryChanges.MODULE) && community.moduleEnabled(p.module())) {
                communities.runAs(community.id(), work);
            }
        }
    }

    /** Waits until the work queued so far is done (tests, shutdown). */
    void awaitIdle() {
        try {
            // one thread: a job queued now ends after every job queued before it
            jobs.submit(POOL, "wait for provider jobs", JobTask.of(() -> {
            })).result().toCompletableFuture().get(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    private void submit(String name, Runnable work) {
        try {
            track(jobs.submit(POOL, name, JobTask.of(work)));
        } catch (RejectedExecutionException e) {
            LOG.debug("provider job after shutdown ignored");
        }
    }

    private void track(Job<?> job) {
        running.add(job);
        job.result().whenComplete((done, failure) -> running.remove(job));
    }

    private static String key(DatasetProvider p) {
        return p.identifier().strip().toLowerCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------ one provider

    void sync(DatasetProvider p) {
        try {
            syncOrFail(p);
        } catch (RuntimeException | IOException e) {
            // one broken provider must not stop the others or the schedule
            LOG.error("live dataset {} of module {} not refreshed in community {}", p.identifier(), p.module(),
                    communities.current().id(), e);
        }
    }

    private void syncOrFail(DatasetProvider p) throws IOException {
        String identifier = key(p);
        String module = p.module();
        Optional<UpdateFrequency> frequency = UpdateFrequency.parse(p.updateFrequency());
        if (frequency.isEmpty()) {
            LOG.error("live dataset {} of module {}: unknown update frequency {}", identifier, module, p.updateFrequency());
            return;
        }
        Instant lastModified = p.lastModified() == null ? null : p.lastModified().truncatedTo(ChronoUnit.MICROS);
        LocalDateTime lastAt = lastModified == null ? null
                : PassportTimes.minute(LocalDateTime.ofInstant(lastModified, settings.zone()));
        LocalDate lastDay = lastAt == null ? null : lastAt.toLocalDate();
        Optional<Dataset> current = registry.datasetByIdentifier(identifier);
        if (current.isPresent() && !module.equals(current.get().providerModule())) {
            LOG.error("live dataset {} of module {} not connected: the registry already has that identifier kept by {}",
                    identifier, module, current.get().providerModule() == null ? "a person" : current.get().providerModule());
            return;
        }
        List<String> formats = p.formats().stream().map(Rules::format).filter(Rules::validFormat).distinct().toList();
        Dataset d = Rules.normalize(current.map(c -> new Dataset(c.id(), identifier, p.title(), p.description(),
                c.language(), formats, c.compression(), firstPublished(c, lastAt), lastAt, lastDay, frequency.get(),
                p.keywords(), c.links(), c.responsiblePerson(), c.responsibleEmail(), c.legalBasis(), c.purpose(),
                c.managerId(), c.managerName(), c.tags(), c.structure(), c.obligationId(), c.published(), module,
                c.updatedAt(), c.createdAt(), c.version())).orElseGet(() -> new Dataset(0, identifier, p.title(), p.description(), "uk", formats, null,
                        firstPublished(lastAt), lastAt, lastDay, frequency.get(), p.keywords(), List.of(), null,
                        null, null, null, -1, null, List.of(module), List.of(), null, settings.providerPublish(), module,
                        null)));
        List<Problem> problems = Rules.check(withManager(d, Long.MAX_VALUE));
        if (!problems.isEmpty()) {
            LOG.error("live dataset {} of module {} breaks the passport rules: {}", identifier, module,
                    problems.get(0).exception().getMessage());
            return;
        }
        boolean created = current.isEmpty();
        Dataset saved = registry.database().tx(c -> {
            Dataset row = created ? withManager(d, providerManager(c)) : d;
            Dataset result = created || !row.equals(current.get()) ? registry.datasetStore().writeDataset(c, row, created ? module : null, false)
                    : current.get();
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE opendata.dataset SET provider_live = true WHERE id = ? AND NOT provider_live")) {
                ps.setLong(1, result.id());
                ps.executeUpdate();
            }
            if (created) {
                registry.changes().entry(c, null, "dataset", result.id(), "create",
                        "живий набір модуля " + module + ": " + identifier);
            }
            return result;
        });
        if (created) {
            registry.changes().tell();
        }
        for (String format : formats) {
            refreshResource(p, saved, format, lastModified);
        }
        removeDroppedFormats(saved, formats);
    }

    /** Now, or the data's last change when earlier (a passport's last change is never before its first publication). */
    private LocalDateTime firstPublished(LocalDateTime lastAt) {
        return registry.datasetStore().firstPublishedAt(lastAt);
    }

    /**
     * The kept first-publication date, or the data's last change when the module now reports an
     * earlier one (a module with no rows at first gets today, then data of past days arrives): the
     * module's date is the fact, and the registry's own rule for a first publication is "today, or
     * the last change when earlier". Keeping the later date would make the passport break the
     * dates rule and stop the refresh of this dataset for good.
     */
    private static LocalDateTime firstPublished(Dataset current, LocalDateTime lastAt) {
        LocalDateTime kept = current.firstPublishedAt();
        return kept != null && lastAt != null && lastAt.isBefore(kept) ? lastAt : kept;
    }

    /** The manager of live datasets: the community's own (its settings overlay), else the shared one. */
    private long providerManager(Connection c) throws SQLException {
        Community community = communities.current();
        String name = community.setting(OpendataConfig.PID, "provider.manager.name").map(String::strip)
                .orElse(settings.providerManagerName());
        String edrpou = community.setting(OpendataConfig.PID, "provider.manager.edrpou").map(String::strip)
                .filter(Edrpou::valid).orElse(settings.providerManagerEdrpou());
        Optional<DataManager> m = edrpou == null ? Optional.empty()
                : registry.managerStore().managerByEdrpou(c, edrpou);
        if (m.isEmpty()) {
            m = registry.managerStore().managerByName(c, name);
        }
        if (m.isPresent()) {
            return m.get().id();
        }
        DataManager created = registry.managerStore().saveManager(c, Rules.normalize(new DataManager(0, name,
                edrpou, null, null, null, null, null)), false);
        registry.changes().entry(c, null, "data-manager", created.id(), "create", created.name() + " (для живих наборів модулів)");
        return created.id();
    }

    private static Dataset withManager(Dataset d, long managerId) {
        return d.withIdAndManager(d.id(), managerId);
    }

    /** The provider's output of one format as the dataset's resource (updated in place: its id stays). */
    private void refreshResource(DatasetProvider p, Dataset dataset, String format, Instant lastModified)
            throws IOException {
        record Stored(long id, String sha256, String storage, Instant modified) {
        }
        Optional<Stored> stored = registry.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, sha256, storage, modified FROM opendata.resource"
                    + " WHERE dataset_id = ? AND provider_format = ?")) {
                ps.setLong(1, dataset.id());
                ps.setString(2, format);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Stored(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant())) : Optional.<Stored>empty();
                }
            }
        });
        if (stored.isPresent() && lastModified != null && lastModified.equals(stored.get().modified())) {
            return; // unchanged since the last refresh: the (possibly large) export is not produced again
        }
        Path tmp = Files.createTempFile("opendata-" + dataset.identifier(), "." + format.toLowerCase(Locale.ROOT));
        try {
            MessageDigest digest = DatasetRegistryImpl.digest();
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), digest)) {
                p.write(format, out);
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            long size = Files.size(tmp);
            Instant modified = lastModified == null ? Instant.now() : lastModified;
            String mediaType = Optional.ofNullable(p.mediaType(format)).filter(s -> !s.isBlank()).orElse(MediaTypes.of(format));
            String name = truncate(p.title() + " (" + format + ")", Rules.MAX_TITLE);
            String fileName = dataset.identifier() + "." + format.toLowerCase(Locale.ROOT);
            registry.database().tx(c -> {
                long id;
                if (stored.isEmpty()) {
                    id = registry.insertFile(c, dataset.id(), name, format, fileName, size, sha, format, modified, null);
                } else {
                    id = stored.get().id();
                    try (PreparedStatement ps = c.prepareStatement("UPDATE opendata.resource SET name = ?, file_name = ?,"
                            + " size = ?, sha256 = ?, storage = ?, modified = ? WHERE id = ?")) {
                        ps.setString(1, name);
                        ps.setString(2, fileName);
                        ps.setLong(3, size);
                        ps.setString(4, sha);
                        ps.setString(5, registry.store().kind());
                        ps.setTimestamp(6, Timestamp.from(modified));
                        ps.setLong(7, id);
                        ps.executeUpdate();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE opendata.resource SET media_type = ? WHERE id = ?")) {
                    ps.setString(1, mediaType);
                    ps.setLong(2, id);
                    ps.executeUpdate();
                }
                if (stored.isEmpty() || !sha.equals(stored.get().sha256())
                        || !registry.store().kind().equals(stored.get().storage())) {
                    try (InputStream in = Files.newInputStream(tmp)) {
                        registry.store().put(c, id, sha, in, size);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    if (stored.isPresent() && !sha.equals(stored.get().sha256())) {
                        registry.store().release(c, stored.get().storage(), stored.get().sha256());
                    }
                }
                return null;
            });
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Formats the provider no longer offers: their resources go (they were the provider's own output). */
    private void removeDroppedFormats(Dataset dataset, List<String> formats) {
        registry.database().tx(c -> {
            List<String[]> gone = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM opendata.resource WHERE dataset_id = ?"
                    + " AND provider_format IS NOT NULL AND NOT (provider_format = ANY (?)) RETURNING storage, sha256")) {
                ps.setLong(1, dataset.id());
                ps.setArray(2, c.createArrayOf("text", formats.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        gone.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
            }
            for (String[] g : gone) {
                registry.store().release(c, g[0], g[1]);
            }
            return null;
        });
    }

    private void markGone(DatasetProvider p) {
        String identifier = key(p);
        Integer changed = registry.changes().write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE opendata.dataset SET provider_live = false"
                    + " WHERE identifier = ? AND provider_module = ? AND provider_live RETURNING id")) {
                ps.setString(1, identifier);
                ps.setString(2, p.module());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        registry.changes().entry(c, null, "dataset", rs.getLong(1), "provider-gone",
                                "модуль " + p.module() + " більше не надає набір " + identifier + "; дані збережено");
                        return 1;
                    }
                    return 0;
                }
            }
        });
        LOG.info("live dataset {} of module {} is no longer provided ({} marked not live)", identifier, p.module(), changed);
    }

    /** Whether a live dataset's module is present (false once it went away, or for ordinary datasets). */
    boolean live(String identifier) {
        return registry.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT provider_live FROM opendata.dataset WHERE identifier = ?")) {
                ps.setString(1, identifier);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        });
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
