package ua.hromada.portal.shell.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.apache.karaf.bundle.core.BundleService;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.portal.api.HromadaModule;
import ua.hromada.portal.api.InstalledModules;

/**
 * Hromada modules are bundles with the {@code Hromada-Module} header. A module "fails" when its
 * bundle cannot resolve or start, or when one of its components failed to activate; the error
 * text is kept so admins see why, and nothing of it reaches the shell.
 */
@Component(service = InstalledModules.class)
public class BundleModules implements InstalledModules {

    private static final Logger LOG = LoggerFactory.getLogger(BundleModules.class);
    /** Upload size limit for a module file. */
    static final long MAX_UPLOAD = 100L * 1024 * 1024;

    @Reference
    private ServiceComponentRuntime scr;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile BundleService bundleService;
    @Reference
    private ContributedRoutes contributedRoutes;

    private BundleContext context;
    private final Map<Long, String> startErrors = new ConcurrentHashMap<>();
    private final FrameworkListener errorListener = event -> {
        if (event.getType() == FrameworkEvent.ERROR && event.getBundle() != null && event.getThrowable() != null) {
            startErrors.put(event.getBundle().getBundleId(), rootMessage(event.getThrowable()));
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

    @Override
    public List<ModuleInfo> list() {
        List<ModuleInfo> modules = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            String key = bundle.getHeaders("").get(HromadaModule.HEADER_MODULE);
            if (key != null) {
                modules.add(info(bundle, key));
            }
        }
        modules.sort(Comparator.comparing(ModuleInfo::key).thenComparing(ModuleInfo::symbolicName));
        return modules;
    }

    private ModuleInfo info(Bundle bundle, String key) {
        String name = bundle.getHeaders().get(HromadaModule.HEADER_NAME);
        if (name == null) {
            name = bundle.getHeaders().get("Bundle-Name");
        }
        String state = stateOf(bundle);
        String error = null;
        if (bundle.getState() == Bundle.ACTIVE) {
            error = failedComponents(bundle);
        } else if (bundle.getState() == Bundle.INSTALLED) {
            error = unresolvedReason(bundle);
        } else {
            error = startErrors.get(bundle.getBundleId());
        }
        if (error != null) {
            state = "FAILED";
        }
        return new ModuleInfo(bundle.getBundleId(), key, name, bundle.getSymbolicName(),
                bundle.getVersion().toString(), state, error, routesOf(bundle.getBundleId()));
    }

    private List<String> routesOf(long bundleId) {
        return contributedRoutes.ofBundle(bundleId);
    }

    private String failedComponents(Bundle bundle) {
        List<String> failures = new ArrayList<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    String failure = configuration.failure == null ? "" : firstLine(configuration.failure);
                    failures.add(description.name + ": " + failure);
                }
            }
        }
        return failures.isEmpty() ? null : String.join("; ", failures);
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

    private static String stateOf(Bundle bundle) {
        return switch (bundle.getState()) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }

    private Bundle module(long bundleId) {
        Bundle bundle = context.getBundle(bundleId);
        if (bundle == null || bundle.getHeaders("").get(HromadaModule.HEADER_MODULE) == null) {
            throw new ModuleException("modules.error.notFound", "No Hromada module with bundle id " + bundleId, null);
        }
        return bundle;
    }

    @Override
    public void start(long bundleId) {
        Bundle bundle = module(bundleId);
        try {
            startErrors.remove(bundleId);
            bundle.start();
        } catch (BundleException | RuntimeException e) {
            startErrors.put(bundleId, rootMessage(e));
            throw new ModuleException("modules.error.start", rootMessage(e), e);
        }
    }

    @Override
    public void stop(long bundleId) {
        Bundle bundle = module(bundleId);
        try {
            bundle.stop();
        } catch (BundleException | RuntimeException e) {
            throw new ModuleException("modules.error.stop", rootMessage(e), e);
        }
    }

    @Override
    public void uninstall(long bundleId) {
        Bundle bundle = module(bundleId);
        try {
            Path deployed = deployedFile(bundle);
            if (deployed != null) {
                // the file in deploy/ is the source of truth; fileinstall uninstalls when it goes
                Files.deleteIfExists(deployed);
            } else {
                bundle.uninstall();
                context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(null);
            }
            startErrors.remove(bundleId);
        } catch (BundleException | IOException | RuntimeException e) {
            throw new ModuleException("modules.error.uninstall", rootMessage(e), e);
        }
    }

    private Path deployedFile(Bundle bundle) {
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

    private Path deployDir() {
        String base = System.getProperty("karaf.base", ".");
        return Paths.get(base, "deploy").toAbsolutePath().normalize();
    }

    @Override
    public ModuleInfo install(String fileName, InputStream content) {
        String name = fileName == null ? "" : Paths.get(fileName).getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".jar") && !lower.endsWith(".kar")) {
            throw new ModuleException("modules.error.type", "Not a .jar or .kar: " + name, null);
        }
        byte[] bytes;
        try {
            bytes = content.readNBytes((int) MAX_UPLOAD + 1);
        } catch (IOException e) {
            throw new ModuleException("modules.error.read", e.getMessage(), e);
        }
        if (bytes.length > MAX_UPLOAD) {
            throw new ModuleException("modules.error.tooLarge", "Larger than " + MAX_UPLOAD, null);
        }
        if (lower.endsWith(".kar")) {
            return installKar(name, bytes);
        }
        String symbolicName = symbolicName(bytes);
        if (symbolicName == null) {
            throw new ModuleException("modules.error.notBundle", name + " has no Bundle-SymbolicName", null);
        }
        Bundle bundle;
        try {
            bundle = context.installBundle("hromada-upload:" + name, new ByteArrayInputStream(bytes));
        } catch (BundleException e) {
            throw new ModuleException("modules.error.install", rootMessage(e), e);
        }
        if (bundle.getHeaders("").get(HromadaModule.HEADER_MODULE) == null) {
            LOG.warn("Uploaded bundle {} is not a Hromada module (no {} header)", symbolicName,
                    HromadaModule.HEADER_MODULE);
        }
        try {
            bundle.start();
        } catch (BundleException | RuntimeException e) {
            startErrors.put(bundle.getBundleId(), rootMessage(e));
            LOG.error("Uploaded module {} failed to start", symbolicName, e);
        }
        String key = bundle.getHeaders("").get(HromadaModule.HEADER_MODULE);
        return info(bundle, key == null ? symbolicName : key);
    }

    private ModuleInfo installKar(String name, byte[] bytes) {
        if (!isZip(bytes)) {
            throw new ModuleException("modules.error.notKar", name + " is not a KAR (zip) archive", null);
        }
        try {
            Path dir = deployDir();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir.getParent(), "upload", ".tmp");
            Files.write(tmp, bytes);
            // atomic move so the deployer never sees half a file
            Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ModuleException("modules.error.install", e.getMessage(), e);
        }
        return new ModuleInfo(-1, name, name, name, "", "DEPLOYING", null, List.of());
    }

    static String symbolicName(byte[] jar) {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest manifest = in.getManifest();
            if (manifest == null) {
                return null;
            }
            String bsn = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            return bsn == null || bsn.isBlank() ? null : bsn.split(";")[0].trim();
        } catch (IOException e) {
            return null;
        }
    }

    static boolean isZip(byte[] bytes) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry = in.getNextEntry();
            return entry != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return firstLine(message);
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).trim();
    }

    /** Routes per module key, for the health endpoint. */
    public Map<String, String> states() {
        return list().stream().collect(Collectors.toMap(ModuleInfo::symbolicName, ModuleInfo::state, (a, b) -> a));
    }
}
