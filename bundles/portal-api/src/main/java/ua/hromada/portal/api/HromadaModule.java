package ua.hromada.portal.api;

/**
 * Manifest headers that mark a bundle as a Hromada module, so the modules admin view and
 * {@code portal:modules} can list it, and the service property of a component that waits for another module.
 */
public final class HromadaModule {
    /** Module key, e.g. {@code oks}. */
    public static final String HEADER_MODULE = "Hromada-Module";
    /** Human-readable module name. */
    public static final String HEADER_NAME = "Hromada-Module-Name";
    /**
     * A component's property, {@code =true} on a component that waits on purpose for another
     * module's service (a mandatory reference to that module's API): the portal counts the module
     * ACTIVE while that component waits. Written {@code property = HromadaModule.WAITS_FOR_OTHER_MODULE + "=true"}.
     */
    public static final String WAITS_FOR_OTHER_MODULE = "hromada.waitsForOtherModule";

    private HromadaModule() {
    }
}
