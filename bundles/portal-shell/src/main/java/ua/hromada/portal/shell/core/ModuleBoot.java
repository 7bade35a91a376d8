package ua.hromada.portal.shell.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeatureEvent;
import org.apache.karaf.features.FeaturesListener;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.RepositoryEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.portal.api.jobs.Job;
import ua.hromada.portal.api.jobs.JobTask;
import ua.hromada.portal.api.jobs.Jobs;

/**
 * Boots the modules a community lists in {@code etc/ua.hromada.portal.modules.cfg}
 * ({@code boot = docsearch, oks, opendata}): the assembly carries every module's feature but boots
 * only {@code hromada-core}; once Karaf has finished its boot features this component installs each
 * listed {@code hromada-<key>} feature that is not installed in any version.
 *
 * <p>Installation runs as a job on pool {@code portal.boot}, never in SCR's activation, because a feature install
 * may take seconds and may refresh bundles. A module that cannot be installed (unknown key, broken
 * dependency) is kept with its reason in {@link #failures()} so the health page and the modules view
 * can name it; the other modules are still installed.
 *
 * <p>A module's feature repository may be registered after Karaf announces its boot finished (seen
 * once on a fresh start: every module "unknown" while etc/org.apache.karaf.features.cfg listed them
 * all), and a module's KAR may be dropped into {@code deploy/} later. So an unknown module is
 * looked up again for {@link #REPOSITORY_WAIT} before it counts as failed, and a repository added
 * afterwards (this component is a {@link FeaturesListener}) starts a new round for the modules
 * still unknown.
 *
 * <p>Removing a key from {@code boot} does not uninstall an installed module: Karaf keeps its
 * installed features in {@code data/}, so on a restart with existing data the module stays (uninstall
 * it in the Modules view or with {@code feature:uninstall}). Listing a key again installs it.
 */
@Component(service = {ModuleBoot.class, FeaturesListener.class}, configurationPid = ModulesConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
@Designate(ocd = ModulesConfig.class)
public class ModuleBoot implements FeaturesListener {

    /** Every module's feature is named {@code hromada-<key>}. */
    public static final String FEATURE_PREFIX = "hromada-";
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Logger LOG = LoggerFactory.getLogger(ModuleBoot.class);
    /** How long an unknown module's feature is looked for before the module counts as failed. */
    static final Duration REPOSITORY_WAIT = Duration.ofSeconds(30);
    private static final String UNKNOWN = "unknown module: ";
    /**
     * How modules are installed and uninstalled (etc/org.apache.karaf.kar.cfg says the same for
     * KARs): without refreshing the bundles already running. A module adds bundles no platform
     * bundle imports, but Karaf's refresh would also restart the platform's JPA stack and
     * portal-persistence (javax.persistence's optional import of org.osgi.service.jpa never wires
     * the way Karaf's resolver expects, so every deployment "refreshes" it) and take the shell's
     * views away from open sessions.
     */
    static EnumSet<FeaturesService.Option> options() {
        return EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);
    }

    @Reference
    private FeaturesService features;

    @Reference
    private Jobs jobs;

    private final Object lock = new Object();
    /** The install round running or queued; rounds run one after another on their one-thread pool. */
    private Job<Void> lastRound;
    private boolean bootFinished;
    private boolean active;
    /** Set by each (re)configuration; the keys an install round works on. */
    private Set<String> bootModules = Set.of();
    private Map<String, String> failures = Map.of();
    private boolean provisioned;
    /** Counts configurations so a round started for an older one does not report over a newer one. */
    private long round;
    /** Set by tests to a shorter wait; {@link #REPOSITORY_WAIT} otherwise. */
    Duration repositoryWait = REPOSITORY_WAIT;

    public ModuleBoot() {
    }

    /** For tests: the services DS would inject. */
    ModuleBoot(FeaturesService features, Jobs jobs) {
        this.features = features;
        this.jobs = jobs;
    }

    @Activate
    void activate(ModulesConfig config) {
        synchronized (lock) {
            active = true;
            configure(config);
        }
    }

    @Modified
    void modified(ModulesConfig config) {
        synchronized (lock) {
            configure(config);
        }
    }

    @Deactivate
    void deactivate() {
        synchronized (lock) {
            active = false;
            if (lastRound != null) {
                lastRound.cancel();
            }
        }
    }

    /**
     * Karaf registers {@link BootFinished} once its boot features (hromada-core among them) are
     * installed; modules are installed after that, so they never race the platform's own install.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindBootFinished(BootFinished finished) {
        synchronized (lock) {
            bootFinished = true;
            startRound();
        }
    }

    void unbindBootFinished(BootFinished finished) {
        // The features service going away stops this component too; nothing to undo here.
    }

    /**
     * A feature repository added after a round (a module's KAR in deploy/, or Karaf registering its
     * configured repositories late): the modules that round found unknown are looked for again.
     */
    @Override
    public void repositoryEvent(RepositoryEvent event) {
        if (event.getType() != RepositoryEvent.EventType.RepositoryAdded || event.isReplay()) {
            return;
        }
        synchronized (lock) {
            if (provisioned && failures.values().stream().anyMatch(reason -> reason.startsWith(UNKNOWN))) {
                LOG.info("Feature repository {} added: looking again for the modules not booted", event.getRepository().getURI());
                provisioned = false;
                startRound();
            }
        }
    }

    @Override
    public void featureEvent(FeatureEvent event) {
        // Installs and uninstalls are the Modules view's business; boot only reacts to repositories.
    }

    /** The module keys listed in {@code boot}, in their order there. */
    public Set<String> bootModules() {
        synchronized (lock) {
            return bootModules;
        }
    }

    /** True once every install attempt for the listed modules has finished, successfully or not. */
    public boolean provisioned() {
        synchronized (lock) {
            return provisioned;
        }
    }

    /** Module key → why it could not be installed, for the modules listed in {@code boot}. */
    public Map<String, String> failures() {
        synchronized (lock) {
            return failures;
        }
    }

    private void configure(ModulesConfig config) {
        bootModules = Collections.unmodifiableSet(parse(config.boot()));
        failures = Map.of();
        provisioned = false;
        round++;
        startRound();
    }

    private void startRound() {
        if (!active || !bootFinished) {
            return;
        }
        long current = round;
        Set<String> keys = bootModules;
        lastRound = jobs.submit("portal.boot", "boot modules " + keys, JobTask.of(() -> {
            Map<String, String> result = provision(keys);
            synchronized (lock) {
                if (round == current) {
                    failures = Collections.unmodifiableMap(result);
                    provisioned = true;
                }
            }
        }));
    }

    /** Installs the listed modules that are not installed yet; returns the failures by key. */
    private Map<String, String> provision(Set<String> keys) {
        Map<String, String> failed = new LinkedHashMap<>();
        Set<String> toInstall = new LinkedHashSet<>();
        Set<String> installed;
        try {
            installed = installedNames();
        } catch (Exception e) {
            LOG.error("Modules not booted: the installed features cannot be read", e);
            keys.forEach(key -> failed.put(key, "installed features cannot be read: " + message(e)));
            return failed;
        }
        Set<String> unknown = new LinkedHashSet<>();
        for (String key : keys) {
            String feature = FEATURE_PREFIX + key;
            if (!KEY.matcher(key).matches()) {
                failed.put(key, "not a module key (lower-case letters, digits and '-')");
            } else if (installed.contains(feature)) {
                LOG.debug("Module {} is installed already", key);
            } else {
                unknown.add(key);
            }
        }
        Map<String, String> missing = lookUp(unknown, toInstall);
        if (!missing.isEmpty()) {
            // not (yet) in the registered repositories: Karaf may still be registering them
            LOG.info("Modules {} not found in the feature repositories yet; looking again for up to {} s",
                    missing.keySet(), repositoryWait.toSeconds());
            long deadline = System.nanoTime() + repositoryWait.toNanos();
            while (!missing.isEmpty() && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(Math.min(1000, Math.max(1, repositoryWait.toMillis() / 10)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                missing = lookUp(missing.keySet(), toInstall);
            }
            failed.putAll(missing);
        }
        if (toInstall.isEmpty()) {
            failed.forEach((key, reason) -> LOG.error("Module {} not booted: {}", key, reason));
            return failed;
        }
        // One install for all of them resolves and starts them together (one refresh, not one per
        // module); when it fails, each module is tried alone so the failure names the right one.
        try {
            install(toInstall);
            LOG.info("Modules booted: {}", toInstall);
        } catch (Exception batch) {
            if (featuresServiceStopping(batch)) {
                return restarting(toInstall, failed);
            }
            if (toInstall.size() == 1) {
                failed.put(toInstall.iterator().next(), message(batch));
            } else {
                List<String> keysLeft = new ArrayList<>(toInstall);
                for (int i = 0; i < keysLeft.size(); i++) {
                    String key = keysLeft.get(i);
                    try {
                        install(Set.of(key));
                        LOG.info("Module {} booted", key);
                    } catch (Exception e) {
                        // the batch failed because the service began stopping under it: the
                        // modules not tried yet are not failures either
                        if (featuresServiceStopping(e)) {
                            return restarting(new LinkedHashSet<>(keysLeft.subList(i, keysLeft.size())), failed);
                        }
                        failed.put(key, message(e));
                    }
                }
            }
        }
        failed.forEach((key, reason) -> LOG.error("Module {} not booted: {}", key, reason));
        return failed;
    }

    /**
     * Karaf is restarting its features service (a refresh, or its configuration arriving while it
     * starts): this component stops with it and the next one's round boots {@code keys}; they did
     * not fail. Failures found before are still reported.
     */
    private static Map<String, String> restarting(Set<String> keys, Map<String, String> failed) {
        failed.forEach((key, reason) -> LOG.error("Module {} not booted: {}", key, reason));
        LOG.info("Modules {} not booted now: Karaf's features service is stopping; its restart boots them", keys);
        keys.forEach(key -> failed.put(key, "features service restarting"));
        return failed;
    }

    /** Whether an install was refused because the features service's executor is shutting down. */
    static boolean featuresServiceStopping(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.RejectedExecutionException) {
                return true;
            }
        }
        return false;
    }

    private void install(Set<String> keys) throws Exception {
        Set<String> names = new LinkedHashSet<>();
        keys.forEach(key -> names.add(FEATURE_PREFIX + key));
        features.installFeatures(names, options());
    }

    private Set<String> installedNames() throws Exception {
        Set<String> names = new LinkedHashSet<>();
        for (Feature feature : features.listInstalledFeatures()) {
            names.add(feature.getName());
        }
        return names;
    }

    /**
     * Moves each key whose feature the registered repositories hold into {@code found}; returns the
     * others with the reason (which names the features service's error, if it gave one).
     */
    private Map<String, String> lookUp(Set<String> keys, Set<String> found) {
        Map<String, String> missing = new LinkedHashMap<>();
        for (String key : keys) {
            String feature = FEATURE_PREFIX + key;
            try {
                Feature[] matches = features.getFeatures(feature);
                if (matches != null && matches.length > 0) {
                    found.add(key);
                } else {
                    missing.put(key, UNKNOWN + "no feature " + feature + " in the registered feature repositories");
                }
            } catch (Exception e) {
                missing.put(key, UNKNOWN + "feature " + feature + " cannot be looked up: " + message(e));
            }
        }
        return missing;
    }

    /** {@code "docsearch, oks"} or a list of strings; blanks and repeats are dropped, order kept. */
    static Set<String> parse(Object value) {
        Collection<?> items;
        if (value == null) {
            items = List.of();
        } else if (value instanceof String[] array) {
            items = Arrays.asList(array);
        } else if (value instanceof Collection<?> collection) {
            items = collection;
        } else {
            items = List.of(value);
        }
        Set<String> keys = new LinkedHashSet<>();
        for (Object item : items) {
            for (String part : String.valueOf(item).split(",")) {
                String key = part.trim().toLowerCase(java.util.Locale.ROOT);
                if (!key.isEmpty()) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    private static String message(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String text = cause.getMessage();
        return text == null || text.isBlank() ? cause.getClass().getSimpleName() : text;
    }
}
