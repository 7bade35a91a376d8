package ua.hromada.portal.shell.core;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleListener;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.portal.api.ViewContribution;

/**
 * Tells open modules views that modules changed: a bundle installed, started, stopped or gone,
 * a page registered or removed. A feature install is dozens of events; they are coalesced, and
 * told once more a moment later, when the components a start activates have settled.
 */
@Component(service = ModuleEvents.class)
public class ModuleEvents {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleEvents.class);
    private static final long SETTLE_MILLIS = 300;
    private static final long LATE_MILLIS = 2_000;

    private final Set<Runnable> listeners = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final BundleListener bundles = event -> changed();
    private final ServiceListener views = event -> changed();
    private ScheduledExecutorService scheduler;
    private BundleContext context;

    @Activate
    void activate(BundleContext context) throws InvalidSyntaxException {
        this.context = context;
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hromada-module-events");
            t.setDaemon(true);
            return t;
        });
        context.addBundleListener(bundles);
        // pages come and go as services; not through the shell's registry, which holds the modules
        // view itself (a contribution) and so cannot be one of its references (a DS cycle)
        context.addServiceListener(views, "(objectClass=" + ViewContribution.class.getName() + ")");
    }

    @Deactivate
    void deactivate() {
        context.removeServiceListener(views);
        context.removeBundleListener(bundles);
        scheduler.shutdownNow();
    }

    /** {@code listener} runs on a background thread after changes; the returned handle stops it. */
    public Runnable subscribe(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void changed() {
        if (pending.compareAndSet(false, true)) {
            try {
                scheduler.schedule(() -> {
                    pending.set(false);
                    tell();
                }, SETTLE_MILLIS, TimeUnit.MILLISECONDS);
                scheduler.schedule(this::tell, LATE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // the shell itself is stopping: no view is left to tell
            }
        }
    }

    private void tell() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("A modules view could not be told of a module change", e);
            }
        }
    }
}
