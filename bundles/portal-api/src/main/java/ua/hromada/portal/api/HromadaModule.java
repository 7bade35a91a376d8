package ua.hromada.portal.api;

/**
 * Manifest headers that mark a bundle as a Hromada module, so the modules admin view and
 * {@code portal:modules} can list it.
 */
public final class HromadaModule {
    /** Module key, e.g. {@code oks}. */
    public static final String HEADER_MODULE = "Hromada-Module";
    /** Human-readable module name. */
    public static final String HEADER_NAME = "Hromada-Module-Name";

    private HromadaModule() {
    }
}
