package ua.hromada.portal.api;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Offered by the shell: the Hromada modules of the container and their life cycle, module by
 * module. A module is a Karaf feature {@code hromada-<key>} (its bundles carry the
 * {@link HromadaModule#HEADER_MODULE} header with that key) or, for a single bundle hot-deployed
 * as a jar, the bundles with that header. Operations act on all bundles of a module at once;
 * its data in the database is never touched.
 * <p>
 * Start, stop, uninstall and install are the signed-in user's (the running UI's): with the default
 * community only, its administrator's; once the portal serves several communities, which share
 * every module, the regional administrator's ({@code portal.communities.manage}). Anyone else, and
 * work with no signed-in user, is refused with a {@link PortalException} ({@code FORBIDDEN}).
 */
@org.osgi.annotation.versioning.ProviderType
public interface InstalledModules {

    /** One entry per module, by key. */
    List<ModuleInfo> list();

    Optional<ModuleInfo> module(String key);

    /** Starts every bundle of the module; {@link ModuleException} when one cannot start. */
    void start(String key);

    /** Stops every bundle of the module (it stays installed, and stopped across restarts). */
    void stop(String key);

    /**
     * Removes the module: a KAR-installed module by removing its archive from {@code deploy/}
     * (Karaf then removes its features and the bundles no other feature needs), a boot module
     * by uninstalling its feature, a jar by uninstalling its bundle. Refused with
     * {@link ModuleException} ({@code modules.error.inUse}) while another module uses it.
     */
    void uninstall(String key);

    /**
     * Installs a module file: a bundle (.jar) is installed and started, a KAR archive is handed
     * to Karaf's KAR deployer (the result is then {@link State#INSTALLING}); throws
     * {@link ModuleException} with a message key when the file is neither or cannot be installed.
     */
    ModuleInfo install(String fileName, InputStream content);

    enum State {
        /** Every bundle runs and its pages and servlets are registered. */
        ACTIVE,
        /** Installed and meant to run, some bundle or registration is not there yet. */
        STARTING,
        /** Stopped on purpose (by an administrator); not expected to run. */
        STOPPED,
        /** A bundle failed to resolve or start, a component failed, or the install failed. */
        FAILED,
        /** Its archive or boot install is being processed; no bundles yet. */
        INSTALLING
    }

    enum Source {
        /** Installed by the portal at start ({@code boot} modules) or by the distribution. */
        BOOT,
        /** Installed from a KAR archive in {@code deploy/} or uploaded. */
        KAR,
        /** A single bundle, dropped into {@code deploy/} or uploaded. */
        JAR
    }

    /**
     * @param state OSGi state: ACTIVE, RESOLVED, INSTALLED, STARTING, STOPPING
     * @param error why it does not run (unresolved requirement, start exception, failed
     *              component), or null
     */
    record BundleInfo(long id, String symbolicName, String name, String version, String state, String error) {
    }

    /** A reason the module does not run: {@code bundle} is a symbolic name, or null for the module. */
    record ModuleError(String bundle, String reason) {
    }

    /**
     * @param name        the module's name from its manifests (Ukrainian)
     * @param nameBundle  the bundle whose texts may name it in another language
     *                    ({@code module.name.<nameBundle>}), or null
     * @param routes      routes of the pages it contributes now
     * @param waitingFor  while STARTING or INSTALLING: what it waits for, else null
     */
    record ModuleInfo(String key, String name, String nameBundle, String version, State state, Source source,
            List<String> routes, List<ModuleError> errors, String waitingFor, List<BundleInfo> bundles) {

        /** The errors as one line ("bundle: reason; ..."), or null when there are none. */
        public String errorText() {
            if (errors == null || errors.isEmpty()) {
                return null;
            }
            return String.join("; ", errors.stream()
                    .map(e -> e.bundle() == null ? e.reason() : e.bundle() + ": " + e.reason()).toList());
        }
    }

    class ModuleException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String messageKey;

        public ModuleException(String messageKey, String detail, Throwable cause) {
            super(detail, cause);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }
}
