package ua.hromada.portal.shell.core;

import java.util.Optional;

import ua.hromada.portal.api.InstalledModules.ModuleInfo;
import ua.hromada.portal.api.InstalledModules.State;

/**
 * The modules of this node's Karaf, changed here and nowhere else: what {@link ModuleFollower}
 * applies when another node's administrator changed a module. No rights are checked here (the
 * node that made the change checked them); {@link ModuleActions} is the Karaf one.
 */
interface NodeModules {

    /** The module's state on this node; empty when it is not installed here. */
    Optional<State> state(String key);

    /** Whether this node is still installing its boot modules (what it has is not settled yet). */
    boolean booting();

    /** Whether the key is in this node's boot list (installed again at each start). */
    boolean bootModule(String key);

    /** Whether the uploaded file is installed here: a KAR in deploy/ with this SHA-256, a jar's bundle. */
    boolean hasFile(String fileName, String checksum);

    void start(String key);

    void stop(String key);

    void uninstall(String key);

    /** Installs an uploaded .kar (into deploy/) or .jar (a bundle, started). */
    ModuleInfo install(String fileName, byte[] content);
}
