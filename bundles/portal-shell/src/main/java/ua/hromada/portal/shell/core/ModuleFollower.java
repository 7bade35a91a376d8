package ua.hromada.portal.shell.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.portal.api.InstalledModules.ModuleException;
import ua.hromada.portal.api.InstalledModules.State;
import ua.hromada.portal.api.cluster.ChangeFeed;
import ua.hromada.portal.api.jobs.Job;
import ua.hromada.portal.api.jobs.JobTask;
import ua.hromada.portal.api.jobs.Jobs;
import ua.hromada.portal.shell.core.ModuleStates.Upload;
import ua.hromada.portal.shell.core.ModuleStates.Wanted;

/**
 * Makes this node's modules what the administrator wants of them, whichever node they changed
 * them on: each module change another node publishes ({@link ModuleStates#TOPIC}) and, at start,
 * every recorded one (a node that was down catches up). The uploaded files carrying the module are
 * installed first (a KAR into deploy/, a jar as a bundle), then the module is stopped, started or
 * uninstalled unless it already is. The node that made a change hears nothing of it (the feed
 * does not tell a node its own changes), and one already applied changes nothing again.
 *
 * <p>Work runs one at a time on pool {@value #POOL}, not on the feed's job. A module this node
 * is still installing (its boot round, a KAR the deployer has not taken yet) is looked at again
 * every {@link #RETRY} until it is there, for at most {@link #PATIENCE} once the boot is done.
 * At start a module this node boots ({@code etc/ua.hromada.portal.modules.cfg}) is not uninstalled:
 * the boot list brings it back at every start, on the node that made the change too.
 */
@Component(immediate = true)
public class ModuleFollower {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleFollower.class);
    static final String POOL = "portal.module-sync";
    static final Duration RETRY = Duration.ofSeconds(1);
    static final Duration PATIENCE = Duration.ofMinutes(3);

    private enum Outcome { DONE, BOOTING, WAITING }

    /** A module to look at again: whether for the start's catch-up, and until when. */
    private record Pending(boolean atStart, Instant giveUp) {
    }

    private final ModuleStates states;
    private final NodeModules node;
    private final Jobs jobs;
    private final Duration retry;
    private final ChangeFeed.Subscription subscription;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean retryQueued = new AtomicBoolean();
    private final Set<Job<Void>> queued = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private volatile boolean caughtUp;

    @Activate
    public ModuleFollower(@Reference ModuleStates states, @Reference ChangeFeed feed, @Reference ModuleActions node,
            @Reference Jobs jobs) {
        this(states, feed, node, jobs, RETRY);
    }

    ModuleFollower(ModuleStates states, ChangeFeed feed, NodeModules node, Jobs jobs, Duration retry) {
        this.states = states;
        this.node = node;
        this.jobs = jobs;
        this.retry = retry;
        this.subscription = feed.subscribe(ModuleStates.TOPIC, change -> submit("module " + change.key(),
                () -> follow(change.key(), false)));
        submit("modules at start", this::catchUp);
    }

    @Deactivate
    public void close() {
        closed = true;
        subscription.close();
        queued.forEach(job -> job.cancel(false));
    }

    /** Whether the start's catch-up is done and nothing is left to look at again (tests wait for it). */
    boolean settled() {
        return caughtUp && pending.isEmpty();
    }

    private void catchUp() {
        try {
            for (String key : states.keys()) {
                follow(key, true);
            }
            caughtUp = true;
        } catch (RuntimeException e) {
            LOG.warn("Module states could not be read at start ({}); trying again", Errors.rootMessage(e));
            later("modules at start", retry.multipliedBy(5), this::catchUp);
        }
    }

    private void follow(String key, boolean atStart) {
        Outcome outcome;
        try {
            outcome = apply(key, atStart);
        } catch (ModuleException e) {
            // as on the node that made the change: the module stays as it is, the log says why
            LOG.warn("Module {} could not be changed as on the other node: {} ({})", key, e.getMessage(), e.messageKey());
            outcome = Outcome.DONE;
        } catch (RuntimeException e) {
            LOG.warn("Module {} could not be followed yet: {}", key, Errors.rootMessage(e));
            outcome = Outcome.WAITING;
        }
        Instant now = Instant.now();
        switch (outcome) {
            case DONE -> pending.remove(key);
            case BOOTING -> pending.put(key, new Pending(atStart, null));
            case WAITING -> {
                Pending before = pending.get(key);
                Instant giveUp = before != null && before.giveUp() != null ? before.giveUp() : now.plus(PATIENCE);
                if (now.isAfter(giveUp)) {
                    LOG.warn("Module {} is still not installed on this node after {}: not followed", key, PATIENCE);
                    pending.remove(key);
                } else {
                    pending.put(key, new Pending(atStart, giveUp));
                }
            }
        }
        if (!pending.isEmpty() && retryQueued.compareAndSet(false, true)) {
            later("modules again", retry, () -> {
                retryQueued.set(false);
                Map.copyOf(pending).forEach((k, p) -> follow(k, p.atStart()));
            });
        }
    }

    private Outcome apply(String key, boolean atStart) {
        if (node.booting()) {
            return Outcome.BOOTING;
        }
        boolean written = false;
        for (Upload upload : states.uploadsOf(key)) {
            if (!node.hasFile(upload.fileName(), upload.checksum())) {
                Optional<byte[]> content = states.content(upload.fileName(), upload.checksum());
                if (content.isPresent()) {
                    LOG.info("Module file {} uploaded on another node: installed here", upload.fileName());
                    node.install(upload.fileName(), content.get());
                    written = true;
                }
            }
        }
        Optional<Wanted> wanted = states.wanted(key);
        Optional<State> state = node.state(key);
        if (wanted.isEmpty() || state.isEmpty()) {
            return written ? Outcome.WAITING : Outcome.DONE; // a KAR just written: its module comes
        }
        if (state.get() == State.INSTALLING) {
            return Outcome.WAITING;
        }
        switch (wanted.get()) {
            case STOPPED -> {
                if (state.get() != State.STOPPED) {
                    LOG.info("Module {} stopped as on another node", key);
                    node.stop(key);
                }
            }
            case STARTED -> {
                if (state.get() == State.STOPPED) {
                    LOG.info("Module {} started as on another node", key);
                    node.start(key);
                }
            }
            case UNINSTALLED -> {
                if (atStart && node.bootModule(key)) {
                    LOG.info("Module {} was uninstalled in the Modules page; this node boots it again (modules.cfg)", key);
                } else {
                    LOG.info("Module {} uninstalled as on another node", key);
                    node.uninstall(key);
                }
            }
        }
        return Outcome.DONE;
    }

    private void submit(String name, Runnable work) {
        later(name, Duration.ZERO, work);
    }

    private void later(String name, Duration delay, Runnable work) {
        if (closed) {
            return;
        }
        try {
            JobTask<Void> task = progress -> {
                if (!closed) {
                    work.run();
                }
                return null;
            };
            Job<Void> job = delay.isZero() ? jobs.submit(POOL, name, task) : jobs.schedule(POOL, name, delay, task);
            queued.add(job);
            job.result().whenComplete((done, error) -> queued.remove(job));
        } catch (RejectedExecutionException e) {
            // the shell is stopping: the next start catches up
        }
    }
}
