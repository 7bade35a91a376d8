package ua.hromada.opendata.publication.dcat;

import java.util.function.Supplier;

import org.apache.jena.sys.JenaSystem;

/**
 * Runs Jena code with this bundle's class loader as the thread context class loader: Jena finds
 * its subsystems, and Titanium JSON-LD its JSON provider, through ServiceLoader, which in OSGi
 * sees nothing of an embedded library otherwise.
 */
public final class Jena {

    private Jena() {
    }

    public static <T> T call(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Jena.class.getClassLoader());
        try {
            JenaSystem.init();
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
