package ua.hromada.portal.api;

import java.io.InputStream;
import java.util.List;

/**
 * Offered by the shell: the Hromada modules installed in the container (bundles carrying the
 * {@link HromadaModule#HEADER_MODULE} header) and their life cycle.
 */
public interface InstalledModules {

    List<ModuleInfo> list();

    void start(long bundleId);

    void stop(long bundleId);

    void uninstall(long bundleId);

    /**
     * Installs and starts a bundle (.jar) or a KAR archive; throws {@link ModuleException} with a
     * message key when the file is not a bundle/KAR or cannot be installed.
     */
    ModuleInfo install(String fileName, InputStream content);

    /**
     * @param state     RESOLVED, ACTIVE, INSTALLED, STARTING, STOPPING or FAILED
     * @param error     why the module failed to start, or null
     * @param routes    routes of the views it contributes now
     */
    record ModuleInfo(long bundleId, String key, String name, String symbolicName, String version,
            String state, String error, List<String> routes) {
    }

    class ModuleException extends RuntimeException {
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
