package ua.hromada.portal.shell.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.karaf.bundle.core.BundleService;
import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Dependency;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeatureState;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.dto.FailedServletDTO;
import org.osgi.service.servlet.runtime.dto.RuntimeDTO;
import org.osgi.service.servlet.runtime.dto.ServletContextDTO;
import org.osgi.service.servlet.runtime.dto.ServletDTO;

import jakarta.servlet.Servlet;
import ua.hromada.portal.api.HromadaModule;
import ua.hromada.portal.api.InstalledModules.ModuleInfo;
import ua.hromada.portal.api.InstalledModules.Source;
import ua.hromada.portal.api.ViewContribution;
import ua.hromada.portal.shell.core.ModuleRules.BundleFacts;
import ua.hromada.portal.shell.core.ModuleRules.ModuleFacts;

/**
 * Reads what modules there are from Karaf's installed features, the bundles, the KARs waiting in
 * {@code deploy/} and the boot configuration ({@link ModuleBoot}), and what each of them is doing:
 * a bundle's start error, an unresolved requirement, a failed component, pages and servlets not
 * registered yet. The rules that turn this into a module's state are in {@link ModuleRules}.
 */
@Component(service = ModuleCatalogue.class)
public class ModuleCatalogue {

    /** A KAR in deploy/ that Karaf has not installed after this long is reported as failed. */
    static final long KAR_PATIENCE_MILLIS = 120_000;

    /** A module as found, with what the operations need of it. */
    record Found(ModuleInfo info, List<Bundle> bundles, List<Feature> features, List<Path> deployFiles) {
    }

    @Reference
    private ServiceComponentRuntime scr;
    @Reference
    private ContributedRoutes contributedRoutes;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile BundleService bundleService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile FeaturesService featuresService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile HttpServiceRuntime httpRuntime;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ModuleBoot moduleBoot;

    private BundleContext context;
    private final Map<Long, String> startErrors = new ConcurrentHashMap<>();
    /** The module keys of a KAR file, by path + size + time, so a poll does not reread archives. */
    private final Map<String, Set<String>> karKeys = new ConcurrentHashMap<>();
    private final FrameworkListener errorListener = event -> {
        if (event.getType() == FrameworkEvent.ERROR && event.getBundle() != null && event.getThrowable() != null) {
            startErrors.put(event.getBundle().getBundleId(), Errors.rootMessage(event.getThrowable()));
        }
    };

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        context.addFrameworkListener(errorListener);
    }

    @Deactivate
    void deactivate() {
        context.removeFrameworkListener(errorListener);
    }

    void startFailed(long bundleId, String error) {
        startErrors.put(bundleId, error);
    }

    void forget(long bundleId) {
        startErrors.remove(bundleId);
    }

    FeaturesService features() {
        return featuresService;
    }

    ModuleBoot boot() {
        return moduleBoot;
    }

    BundleContext context() {
        return context;
    }

    /** Every module, by key. */
    public List<ModuleInfo> modules() {
        return found().values().stream().map(Found::info).toList();
    }

    /** Every module by key, with its bundles, features and files. */
    Map<String, Found> found() {
        Map<String, Bundle> byLocation = new HashMap<>();
        Bundle[] bundles = context.getBundles();
        for (Bundle bundle : bundles) {
            byLocation.put(bundle.getLocation(), bundle);
        }
        Registrations registrations = registrations();
        Map<String, Found> modules = new TreeMap<>();
        Set<Long> claimed = new java.util.HashSet<>();
        ModuleBoot boot = moduleBoot;
        Set<String> bootKeys = boot == null ? Set.of() : boot.bootModules();

        // modules installed as features: hromada-<key> with a bundle carrying the key (the
        // platform's hromada-core has none), or a key the boot configuration names
        Map<String, List<Feature>> featuresByKey = installedModuleFeatures(byLocation, bootKeys);
        Map<String, List<Path>> karsInDeploy = karsInDeploy();
        for (Map.Entry<String, List<Feature>> entry : featuresByKey.entrySet()) {
            String key = entry.getKey();
            List<Feature> features = entry.getValue();
            List<Bundle> members = new ArrayList<>();
            Map<Long, Boolean> mustStart = new HashMap<>();
            for (Feature feature : features) {
                for (BundleInfo info : ownBundles(feature)) {
                    Bundle bundle = byLocation.get(info.getLocation());
                    if (bundle != null && mustStart.putIfAbsent(bundle.getBundleId(), info.isStart()) == null) {
                        members.add(bundle);
                    }
                }
            }
            // a bundle carrying the key that the feature does not list (installed by hand) is still the module's
            for (Bundle bundle : bundles) {
                if (key.equals(moduleKey(bundle)) && !mustStart.containsKey(bundle.getBundleId())) {
                    mustStart.put(bundle.getBundleId(), true);
                    members.add(bundle);
                }
            }
            members.forEach(b -> claimed.add(b.getBundleId()));
            List<BundleFacts> facts = members.stream()
                    .map(b -> facts(b, mustStart.get(b.getBundleId()), registrations)).toList();
            Feature newest = features.get(features.size() - 1);
            // its KARs: the one Karaf extracted its repository from, and any in deploy/ carrying it
            // (Karaf may answer with the same feature from the assembly's own repository)
            Set<Path> kars = new java.util.LinkedHashSet<>();
            features.stream().map(this::karFile).filter(java.util.Objects::nonNull).forEach(kars::add);
            kars.addAll(karsInDeploy.getOrDefault(key, List.of()));
            boolean stopped = features.stream().allMatch(f -> stateOf(f) == FeatureState.Resolved)
                    || ModuleRules.jarStopped(facts, members.stream().map(ModuleCatalogue::persistentlyStarted).toList());
            Source source = features.stream().anyMatch(f -> karName(f) != null) || !kars.isEmpty() ? Source.KAR
                    : Source.BOOT;
            ModuleFacts module = new ModuleFacts(key, source, newest.getVersion(), newest.getDescription(), facts,
                    stopped, null, null);
            modules.put(key, new Found(ModuleRules.module(module), members, features, List.copyOf(kars)));
        }

        // single bundles with the header that no module feature holds: jars
        Map<String, List<Bundle>> jars = new TreeMap<>();
        for (Bundle bundle : bundles) {
            String key = moduleKey(bundle);
            if (key != null && !claimed.contains(bundle.getBundleId()) && !modules.containsKey(key)) {
                jars.computeIfAbsent(key, k -> new ArrayList<>()).add(bundle);
            }
        }
        for (Map.Entry<String, List<Bundle>> entry : jars.entrySet()) {
            List<Bundle> members = entry.getValue();
            List<BundleFacts> facts = members.stream().map(b -> facts(b, true, registrations)).toList();
            boolean stopped = ModuleRules.jarStopped(facts,
                    members.stream().map(ModuleCatalogue::persistentlyStarted).toList());
            boolean booting = bootKeys.contains(entry.getKey()) && boot != null && !boot.provisioned();
            // a boot feature being installed shows its bundles before Karaf lists it as installed
            ModuleFacts module = new ModuleFacts(entry.getKey(), booting ? Source.BOOT : Source.JAR, null, null, facts,
                    stopped, null, null);
            List<Path> files = members.stream().map(this::deployedFile).filter(java.util.Objects::nonNull).toList();
            modules.put(entry.getKey(), new Found(ModuleRules.module(module), members, List.of(), files));
        }

        pendingKars(modules);

        // boot modules not installed: being installed, or failed to
        if (boot != null) {
            boolean provisioned = boot.provisioned();
            Map<String, String> failures = boot.failures();
            for (String key : bootKeys) {
                if (modules.containsKey(key)) {
                    continue;
                }
                String failure = failures.get(key);
                if (!provisioned || failure != null) {
                    ModuleFacts module = new ModuleFacts(key, Source.BOOT, null, null, List.of(), false,
                            provisioned ? null : "boot install of " + KarArchive.FEATURE_PREFIX + key,
                            failure == null ? null : "not installed at boot: " + failure);
                    modules.put(key, new Found(ModuleRules.module(module), List.of(), List.of(), List.of()));
                }
            }
        }
        return modules;
    }

    /** The KARs in deploy/ by the module keys they carry. */
    private Map<String, List<Path>> karsInDeploy() {
        Map<String, List<Path>> byKey = new TreeMap<>();
        Path deploy = deployDir();
        if (!Files.isDirectory(deploy)) {
            return byKey;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(deploy, "*.kar")) {
            for (Path file : files) {
                for (String key : keysOf(file)) {
                    byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(file);
                }
            }
        } catch (IOException e) {
            // deploy/ unreadable: the installed modules are still listed
        }
        return byKey;
    }

    /** KARs in deploy/ whose features Karaf has not installed (yet). */
    private void pendingKars(Map<String, Found> modules) {
        for (Map.Entry<String, List<Path>> entry : karsInDeploy().entrySet()) {
            String key = entry.getKey();
            Path file = entry.getValue().get(0);
            if (modules.containsKey(key)) {
                continue;
            }
            long age;
            try {
                age = System.currentTimeMillis() - Files.getLastModifiedTime(file).toMillis();
            } catch (IOException e) {
                continue; // gone meanwhile
            }
            boolean late = age > KAR_PATIENCE_MILLIS;
            ModuleFacts module = new ModuleFacts(key, Source.KAR, null, null, List.of(), false,
                    late ? null : "KAR " + file.getFileName() + " waits for Karaf's deployer",
                    late ? "KAR " + file.getFileName() + " was not installed by Karaf (see data/log/karaf.log)" : null);
            modules.put(key, new Found(ModuleRules.module(module), List.of(), List.of(), entry.getValue()));
        }
    }

    private Set<String> keysOf(Path file) throws IOException {
        String id = file + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
        Set<String> keys = karKeys.get(id);
        if (keys == null) {
            try (InputStream in = Files.newInputStream(file)) {
                keys = KarArchive.moduleKeys(in);
            } catch (IOException e) {
                keys = Set.of(); // half written or not a zip: read again once it changes
            }
            karKeys.keySet().removeIf(k -> k.startsWith(file + "|"));
            karKeys.put(id, keys);
        }
        return keys;
    }

    /** Installed hromada-* features that are modules, by key, oldest version first. */
    private Map<String, List<Feature>> installedModuleFeatures(Map<String, Bundle> byLocation, Set<String> bootKeys) {
        Map<String, List<Feature>> byKey = new TreeMap<>();
        FeaturesService service = featuresService;
        if (service == null) {
            return byKey;
        }
        Feature[] installed;
        try {
            installed = service.listInstalledFeatures();
        } catch (Exception e) {
            return byKey;
        }
        for (Feature feature : installed) {
            String name = feature.getName();
            if (!name.startsWith(KarArchive.FEATURE_PREFIX)) {
                continue;
            }
            String key = name.substring(KarArchive.FEATURE_PREFIX.length());
            boolean carriesKey = feature.getBundles().stream().map(b -> byLocation.get(b.getLocation()))
                    .anyMatch(b -> b != null && key.equals(moduleKey(b)));
            if (carriesKey || bootKeys.contains(key)) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(feature);
            }
        }
        byKey.values().forEach(list -> list.sort(java.util.Comparator.comparing((Feature f) -> version(f.getVersion()))));
        return byKey;
    }

    /** A feature's version for ordering; Maven's "1.2.0-SNAPSHOT" as OSGi's 1.2.0.SNAPSHOT. */
    static org.osgi.framework.Version version(String text) {
        try {
            return org.osgi.framework.Version.parseVersion(text == null ? "" : text.replace('-', '.'));
        } catch (IllegalArgumentException e) {
            return org.osgi.framework.Version.emptyVersion;
        }
    }

    /**
     * A module feature's bundles: its own and those of its sub-features ({@code hromada-<key>-*},
     * e.g. its libraries), not those of the platform features it depends on.
     */
    private List<BundleInfo> ownBundles(Feature feature) {
        List<BundleInfo> own = new ArrayList<>(feature.getBundles());
        FeaturesService service = featuresService;
        for (Dependency dependency : feature.getDependencies()) {
            if (service != null && dependency.getName().startsWith(feature.getName() + "-")) {
                try {
                    Feature sub = service.getFeature(dependency.getName(), dependency.getVersion());
                    if (sub != null) {
                        own.addAll(ownBundles(sub));
                    }
                } catch (Exception e) {
                    // an unknown sub-feature has no bundles installed either
                }
            }
        }
        return own;
    }

    private FeatureState stateOf(Feature feature) {
        FeaturesService service = featuresService;
        return service == null ? FeatureState.Started : service.getState(feature.getId());
    }

    /** The KAR a feature came from: Karaf keeps a KAR's repositories in data/kar/<kar name>/. */
    static String karName(Feature feature) {
        String url = feature.getRepositoryUrl();
        if (url == null) {
            return null;
        }
        String storage = karStorage().toUri().toString();
        if (!url.startsWith(storage)) {
            return null;
        }
        String rest = url.substring(storage.length());
        int slash = rest.indexOf('/');
        return slash <= 0 ? null : rest.substring(0, slash);
    }

    private Path karFile(Feature feature) {
        String name = karName(feature);
        return name == null ? null : deployDir().resolve(name + ".kar");
    }

    static Path deployDir() {
        return Paths.get(System.getProperty("karaf.base", "."), "deploy").toAbsolutePath().normalize();
    }

    private static Path karStorage() {
        String data = System.getProperty("karaf.data", Paths.get(System.getProperty("karaf.base", "."), "data").toString());
        return Paths.get(data, "kar").toAbsolutePath().normalize();
    }

    /** The file in deploy/ a bundle was installed from by Felix fileinstall, or null. */
    Path deployedFile(Bundle bundle) {
        String location = bundle.getLocation();
        if (location == null || !location.startsWith("file:")) {
            return null;
        }
        try {
            Path path = Paths.get(java.net.URI.create(location));
            return path.startsWith(deployDir()) ? path : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String moduleKey(Bundle bundle) {
        return bundle.getHeaders("").get(HromadaModule.HEADER_MODULE);
    }

    private static boolean persistentlyStarted(Bundle bundle) {
        BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
        try {
            return level == null || level.isPersistentlyStarted();
        } catch (IllegalArgumentException e) {
            // uninstalled between listing the bundles and asking (a module undeployed meanwhile):
            // it is no longer meant to run
            return false;
        }
    }

    private BundleFacts facts(Bundle bundle, boolean start, Registrations registrations) {
        boolean fragment = bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
        String error;
        String waiting = null;
        if (bundle.getState() == Bundle.ACTIVE) {
            error = failedComponents(bundle);
            if (error == null) {
                error = registrations.refusal(bundle);
            }
            if (error == null) {
                waiting = registrations.waiting(bundle);
            }
            if (error == null && waiting == null) {
                waiting = unsatisfiedComponents(bundle);
            }
        } else if (bundle.getState() == Bundle.INSTALLED) {
            error = unresolvedReason(bundle);
        } else {
            error = startErrors.get(bundle.getBundleId());
        }
        String version = bundle.getVersion().toString();
        String name = bundle.getHeaders("").get(HromadaModule.HEADER_NAME);
        if (name == null) {
            name = bundle.getHeaders("").get(Constants.BUNDLE_NAME);
        }
        return new BundleFacts(bundle.getBundleId(), bundle.getSymbolicName(), moduleKey(bundle), name, version,
                bundle.getState(), start && !fragment, error, waiting, contributedRoutes.ofBundle(bundle.getBundleId()));
    }

    private String failedComponents(Bundle bundle) {
        List<String> failures = new ArrayList<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    String failure = configuration.failure == null ? "" : Errors.firstLine(configuration.failure);
                    failures.add(description.name + ": " + failure);
                }
            }
        }
        return failures.isEmpty() ? null : String.join("; ", failures);
    }

    /**
     * A component property: the component waits on purpose for another module's service (e.g. OKS's
     * places from the GIS) and its module is ACTIVE without it.
     */
    static final String WAITS_FOR_OTHER_MODULE = HromadaModule.WAITS_FOR_OTHER_MODULE;

    /**
     * A component of an active bundle waiting for a service it must have (its pages come once
     * it is there): the module is still starting. Components waiting for a configuration are
     * left out: they are meant to stay off until it is given; so are those that wait for another
     * module on purpose ({@link #WAITS_FOR_OTHER_MODULE}).
     */
    private String unsatisfiedComponents(Bundle bundle) {
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
            if (description.properties != null && "true".equals(String.valueOf(description.properties.get(WAITS_FOR_OTHER_MODULE)))) {
                continue;
            }
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                    String missing = Arrays.stream(configuration.unsatisfiedReferences)
                            .map((UnsatisfiedReferenceDTO r) -> r.name).reduce((a, b) -> a + ", " + b).orElse("?");
                    return "component " + description.name + " waits for " + missing;
                }
            }
        }
        return null;
    }

    private String unresolvedReason(Bundle bundle) {
        BundleService diagnostics = bundleService;
        String diag = diagnostics == null ? "" : diagnostics.getDiag(bundle);
        for (String line : diag.split("\n")) {
            // Karaf's diagnosis lists the missing requirements after this heading
            if (!line.isBlank() && !line.startsWith("Unsatisfied Requirements")) {
                return "Unresolved: " + line.trim();
            }
        }
        return startErrors.getOrDefault(bundle.getBundleId(), "Unresolved: missing dependencies");
    }

    private Registrations registrations() {
        HttpServiceRuntime runtime = httpRuntime;
        return new Registrations(runtime == null ? null : runtime.getRuntimeDTO());
    }

    /**
     * Whether a bundle's pages and servlets have reached the portal: each view it registered is
     * in the shell's registry (or refused for a taken route), each servlet in the HTTP runtime
     * (or failed there, with Felix's reason code).
     */
    private final class Registrations {
        private final Map<Long, String> servlets = new HashMap<>();
        private final Map<Long, String> failedServlets = new LinkedHashMap<>();
        private final boolean known;

        Registrations(RuntimeDTO runtime) {
            known = runtime != null;
            if (runtime == null) {
                return;
            }
            for (ServletContextDTO ctx : runtime.servletContextDTOs) {
                for (ServletDTO servlet : ctx.servletDTOs) {
                    servlets.put(servlet.serviceId, servlet.name);
                }
            }
            for (FailedServletDTO failed : runtime.failedServletDTOs) {
                failedServlets.put(failed.serviceId, "servlet " + failed.name + " not registered (reason "
                        + failed.failureReason + ")");
            }
        }

        String refusal(Bundle bundle) {
            List<String> refused = new ArrayList<>(contributedRoutes.refusedOf(bundle.getBundleId()));
            for (ServiceReference<?> ref : services(bundle, Servlet.class.getName())) {
                String failure = failedServlets.get((Long) ref.getProperty(Constants.SERVICE_ID));
                if (failure != null) {
                    refused.add(failure);
                }
            }
            return refused.isEmpty() ? null : String.join("; ", refused);
        }

        String waiting(Bundle bundle) {
            int views = services(bundle, ViewContribution.class.getName()).size();
            int routes = contributedRoutes.ofBundle(bundle.getBundleId()).size();
            if (routes < views) {
                return (views - routes) + " of " + views + " pages not registered yet";
            }
            int pending = 0;
            for (ServiceReference<?> ref : services(bundle, Servlet.class.getName())) {
                Long id = (Long) ref.getProperty(Constants.SERVICE_ID);
                if (!known || !servlets.containsKey(id) && !failedServlets.containsKey(id)) {
                    pending++;
                }
            }
            return pending == 0 ? null : pending + " servlet(s) not registered yet";
        }

        private List<ServiceReference<?>> services(Bundle bundle, String objectClass) {
            ServiceReference<?>[] refs;
            try {
                refs = bundle.getRegisteredServices();
            } catch (IllegalStateException e) {
                return List.of();
            }
            if (refs == null) {
                return List.of();
            }
            List<ServiceReference<?>> matching = new ArrayList<>();
            for (ServiceReference<?> ref : refs) {
                if (Arrays.asList((String[]) ref.getProperty(Constants.OBJECTCLASS)).contains(objectClass)) {
                    matching.add(ref);
                }
            }
            return matching;
        }
    }

    /** A key's module, or null. */
    Found find(String key) {
        return key == null ? null : found().get(key.toLowerCase(Locale.ROOT).trim());
    }
}
