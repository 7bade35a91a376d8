package ua.hromada.portal.shell.core;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleListener;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.portal.api.ViewContribution;
import ua.hromada.portal.api.jobs.Job;
import ua.hromada.portal.api.jobs.JobTask;
import ua.hromada.portal.api.jobs.Jobs;

/**
 * Tells open modules views that modules changed: a bundle installed, started, stopped or gone,
 * a page registered or removed. A feature install is dozens of events; they are coalesced, and
 * told once more a moment later, when the components a start activates have settled.
 */
@Component(service = ModuleEvents.class)
public class ModuleEvents {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleEvents.class);
    private static final Duration SETTLE = Duration.ofMillis(300);
    private static final Duration LATE = Duration.ofSeconds(2);
    private static final String POOL = "portal.events";

    private final Set<Runnable> listeners = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final BundleListener bundles = event -> changed();
    private final ServiceListener views = event -> changed();
    private final Set<Job<Void>> scheduled = ConcurrentHashMap.newKeySet();
    @Reference
    private Jobs jobs;
    private BundleContext context;

    @Activate
    void activate(BundleContext context) throws InvalidSyntaxException {
        this.context = context;
        context.addBundleListener(bundles);
        // pages come and go as services; not through the shell's registry, which holds the modules
        // view itself (a contribution) and so cannot be one of its references (a DS cycle)
        context.addServiceListener(views, "(objectClass=" + ViewContribution.class.getName() + ")");
    }

    @Deactivate
    void deactivate() {
        context.removeServiceListener(views);
        context.removeBundleListener(bundles);
        scheduled.forEach(Job::cancel);
    }

    /** {@code listener} runs on a background thread after changes; the returned handle stops it. */
    public Runnable subscribe(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void changed() {
        if (pending.compareAndSet(false, true)) {
            try {
                later(SETTLE, () -> {
                    pending.set(false);
                    tell();
                });
                later(LATE, this::tell);
            } catch (RejectedExecutionException e) {
                // the shell itself is stopping: no view is left to tell
            }
        }
    }

    private void later(Duration delay, Runnable work) {
        Job<Void> job = jobs.schedule(POOL, "module change", delay, JobTask.of(work));
        scheduled.add(job);
        job.result().whenComplete((done, error) -> scheduled.remove(job));
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
