package ua.hromada.portal.shell.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeatureState;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.portal.api.HromadaModule;
import ua.hromada.portal.api.InstalledModules.BundleInfo;
import ua.hromada.portal.api.InstalledModules.ModuleException;
import ua.hromada.portal.api.InstalledModules.ModuleInfo;
import ua.hromada.portal.api.InstalledModules.Source;
import ua.hromada.portal.api.InstalledModules.State;
import ua.hromada.portal.shell.core.ModuleCatalogue.Found;

/**
 * A module's life cycle in this node's Karaf (what a module is and what state it is in comes from
 * {@link ModuleCatalogue}). A feature module is started and stopped through Karaf's feature state,
 * so a later feature deployment does not start a module an administrator stopped; a jar through
 * its bundle. Nothing here touches a module's data or checks who asks: the Modules page goes
 * through {@link InstalledModulesImpl}, other nodes' changes through {@link ModuleFollower}.
 */
@Component(service = ModuleActions.class)
public class ModuleActions implements NodeModules {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleActions.class);
    /** The location of an uploaded jar's bundle. */
    static final String UPLOAD_LOCATION = "hromada-upload:";

    private final ModuleCatalogue catalogue;

    @Activate
    public ModuleActions(@Reference ModuleCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public Optional<State> state(String key) {
        return Optional.ofNullable(catalogue.find(key)).map(f -> f.info().state());
    }

    @Override
    public boolean booting() {
        ModuleBoot boot = catalogue.boot();
        return boot != null && !boot.provisioned();
    }

    @Override
    public boolean bootModule(String key) {
        ModuleBoot boot = catalogue.boot();
        return boot != null && boot.bootModules().contains(key);
    }

    @Override
    public boolean hasFile(String fileName, String checksum) {
        if (!ModuleFiles.isKar(fileName)) {
            // Karaf keeps an installed bundle at its location; the same name installs nothing new
            return catalogue.context().getBundle(UPLOAD_LOCATION + fileName) != null;
        }
        Path file = ModuleCatalogue.deployDir().resolve(fileName);
        try {
            return Files.isRegularFile(file) && ModuleFiles.sha256(file).equals(checksum);
        } catch (IOException e) {
            return false; // unreadable: written again
        }
    }

    private Found found(String key) {
        Found found = catalogue.find(key);
        if (found == null) {
            throw new ModuleException("modules.error.notFound", "No Hromada module " + key, null);
        }
        return found;
    }

    @Override
    public void start(String key) {
        Found module = found(key);
        module.bundles().forEach(b -> catalogue.forget(b.getBundleId()));
        try {
            featureState(module, FeatureState.Started);
            // bundles no feature starts (a jar, or one a console command stopped)
            for (Bundle bundle : module.bundles()) {
                if (bundle.getState() != Bundle.ACTIVE && bundle.getHeaders("").get(Constants.FRAGMENT_HOST) == null) {
                    bundle.start();
                }
            }
        } catch (Exception e) {
            module.bundles().stream().filter(b -> b.getState() != Bundle.ACTIVE)
                    .forEach(b -> catalogue.startFailed(b.getBundleId(), Errors.rootMessage(e)));
            throw new ModuleException("modules.error.start", Errors.rootMessage(e), e);
        }
    }

    @Override
    public void stop(String key) {
        Found module = found(key);
        try {
            featureState(module, FeatureState.Resolved);
            for (Bundle bundle : module.bundles()) {
                if (bundle.getState() == Bundle.ACTIVE || bundle.getState() == Bundle.STARTING) {
                    bundle.stop();
                }
            }
        } catch (Exception e) {
            throw new ModuleException("modules.error.stop", Errors.rootMessage(e), e);
        }
    }

    /**
     * Karaf keeps a requested state per feature and restores it at each deployment: a module
     * stopped bundle by bundle would be started again by the next feature install.
     */
    private void featureState(Found module, FeatureState state) throws Exception {
        if (module.features().isEmpty()) {
            return;
        }
        FeaturesService features = requireFeatures();
        Map<String, FeatureState> changes = new HashMap<>();
        module.features().forEach(f -> changes.put(f.getId(), state));
        // no refresh: stopping or starting a module changes no wiring, and a refresh Karaf may
        // still choose would restart platform bundles (persistence, the portal servlet) under
        // every open session
        features.updateFeaturesState(Map.of(FeaturesService.ROOT_REGION, changes),
                EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
    }

    private FeaturesService requireFeatures() {
        FeaturesService features = catalogue.features();
        if (features == null) {
            throw new ModuleException("modules.error.noFeatures", "Karaf's features service is not running", null);
        }
        return features;
    }

    @Override
    public void uninstall(String key) {
        Found module = found(key);
        refuseWhileUsed(module);
        try {
            List<Path> files = module.deployFiles().stream().filter(Files::exists).toList();
            boolean fromKar = module.info().source() == Source.KAR;
            for (Path file : files) {
                // the file in deploy/ is the source of truth: Karaf's deployers uninstall when it goes
                Files.deleteIfExists(file);
            }
            if (!module.features().isEmpty() && !(fromKar && !files.isEmpty())) {
                FeaturesService features = requireFeatures();
                for (Feature feature : module.features()) {
                    // no bundle refresh: it would restart persistence under open sessions
                    features.uninstallFeature(feature.getName(), feature.getVersion(), ModuleBoot.options());
                }
            }
            if (module.features().isEmpty() && files.isEmpty()) {
                uninstallBundles(module);
            }
            module.bundles().forEach(b -> catalogue.forget(b.getBundleId()));
            LOG.info("Module {} uninstalled ({}); its data stays in the database", key, module.info().source());
        } catch (ModuleException e) {
            throw e;
        } catch (Exception e) {
            throw new ModuleException("modules.error.uninstall", Errors.rootMessage(e), e);
        }
    }

    private void uninstallBundles(Found module) throws BundleException {
        if (module.bundles().isEmpty()) {
            throw new ModuleException("modules.error.notInstalled", module.info().key(), null);
        }
        for (Bundle bundle : module.bundles()) {
            bundle.uninstall();
        }
        catalogue.context().getBundle(0).adapt(FrameworkWiring.class).refreshBundles(null);
    }

    /**
     * Uninstalling a module another module's bundles are wired to would take their imports away
     * (a refresh stops them): refused, naming who uses what. Bundles both modules carry (a
     * shared library) do not count: Karaf keeps them while one module needs them.
     */
    private void refuseWhileUsed(Found module) {
        Map<Long, String> owner = new HashMap<>();
        Map<String, Found> all = catalogue.found();
        for (Found other : all.values()) {
            if (!other.info().key().equals(module.info().key())) {
                other.bundles().forEach(b -> owner.put(b.getBundleId(), other.info().key()));
            }
        }
        for (Bundle bundle : module.bundles()) {
            if (owner.containsKey(bundle.getBundleId())) {
                continue;
            }
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            List<BundleWire> wires = wiring == null ? List.of() : wiring.getProvidedWires(null);
            for (BundleWire wire : wires) {
                Bundle user = wire.getRequirerWiring().getBundle();
                String other = owner.get(user.getBundleId());
                if (other != null && !module.bundles().contains(user)) {
                    throw new ModuleException("modules.error.inUse", other + " (" + user.getSymbolicName() + " → "
                            + bundle.getSymbolicName() + ")", null);
                }
            }
        }
        for (Found other : all.values()) {
            for (Feature feature : other.features()) {
                for (Feature mine : module.features()) {
                    if (other != module && feature.getDependencies().stream()
                            .anyMatch(d -> d.getName().equals(mine.getName()))) {
                        throw new ModuleException("modules.error.inUse",
                                other.info().key() + " (" + feature.getName() + " → " + mine.getName() + ")", null);
                    }
                }
            }
        }
    }

    /** Installs a file {@link ModuleFiles#keys} accepted. */
    @Override
    public ModuleInfo install(String fileName, byte[] bytes) {
        return ModuleFiles.isKar(fileName) ? installKar(fileName, bytes) : installJar(fileName, bytes);
    }

    private ModuleInfo installJar(String name, byte[] bytes) {
        String symbolicName = ModuleFiles.symbolicName(bytes);
        if (symbolicName == null) {
            throw new ModuleException("modules.error.notBundle", name + " has no Bundle-SymbolicName", null);
        }
        Bundle bundle;
        try {
            bundle = catalogue.context().installBundle(UPLOAD_LOCATION + name, new ByteArrayInputStream(bytes));
        } catch (BundleException e) {
            throw new ModuleException("modules.error.install", Errors.rootMessage(e), e);
        }
        String key = bundle.getHeaders("").get(HromadaModule.HEADER_MODULE);
        if (key == null) {
            LOG.warn("Uploaded bundle {} is not a Hromada module (no {} header)", symbolicName,
                    HromadaModule.HEADER_MODULE);
        }
        try {
            bundle.start();
        } catch (BundleException | RuntimeException e) {
            catalogue.startFailed(bundle.getBundleId(), Errors.rootMessage(e));
            LOG.error("Uploaded module {} failed to start", symbolicName, e);
        }
        Optional<ModuleInfo> module = key == null ? Optional.empty() : Optional.ofNullable(catalogue.find(key)).map(Found::info);
        if (module.isPresent()) {
            return module.get();
        }
        // a plain bundle (a library a module needs): no module entry, so describe it alone
        String state = ModuleRules.stateName(bundle.getState());
        BundleInfo info = new BundleInfo(bundle.getBundleId(), symbolicName, symbolicName,
                bundle.getVersion().toString(), state, null);
        return new ModuleInfo(symbolicName, symbolicName, null, bundle.getVersion().toString(),
                bundle.getState() == Bundle.ACTIVE ? State.ACTIVE : State.STOPPED, Source.JAR, List.of(), List.of(),
                null, List.of(info));
    }

    private ModuleInfo installKar(String name, byte[] bytes) {
        Set<String> keys = ModuleFiles.keys(name, bytes);
        try {
            Path dir = ModuleCatalogue.deployDir();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir.getParent(), "upload", ".tmp");
            Files.write(tmp, bytes);
            // atomic move so the deployer never sees half a file
            Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ModuleException("modules.error.install", e.getMessage(), e);
        }
        String key = keys.iterator().next();
        return Optional.ofNullable(catalogue.find(key)).map(Found::info)
                .orElse(new ModuleInfo(key, key, null, "", State.INSTALLING, Source.KAR, List.of(), List.of(),
                        "KAR " + name + " waits for Karaf's deployer", List.of()));
    }
}
