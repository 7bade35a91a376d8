package ua.hromada.portal.ui.support;

import java.io.Serializable;
import java.lang.reflect.Method;
import java.util.concurrent.CancellationException;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.communication.PushConnection;
import com.vaadin.flow.shared.Registration;

import ua.hromada.portal.api.jobs.Job;
import ua.hromada.portal.api.jobs.JobProgress;
import ua.hromada.portal.api.jobs.JobTask;
import ua.hromada.portal.api.jobs.Jobs;

/**
 * The one way a view runs a long task (an import, an audit): the task runs as a {@link Job} on the
 * module's pool, never on the UI thread; the view's progress bar, status text and cancel button
 * follow it by push; {@code done} is called on the page, under its lock, when the job ends. The view
 * owns and places the three components (its ids and layout stay its own); the runner drives them.
 * Cancel only raises the job's flag: the task stops at its next check of
 * {@link JobProgress#cancelled()} and may still return what it did.
 */
public final class JobRunner implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    /** A job reports far more often than a page can show: at most one push per this, and the last. */
    private static final long PUSH_INTERVAL_MS = 200;

    private final Component view;
    private final ProgressBar bar;
    private final HasText status;
    private final Button cancel;
    private transient Job<?> job;
    /** Ends the poll that runs while the job does. */
    private transient Runnable stopPolling = () -> { };

    /**
     * @param cancelling the status shown once cancel is clicked, until the job has stopped
     */
    public JobRunner(Component view, ProgressBar bar, HasText status, Button cancel, String cancelling) {
        this.view = view;
        this.bar = bar;
        this.status = status;
        this.cancel = cancel;
        cancel.setEnabled(false);
        bar.setVisible(false);
        cancel.addClickListener(e -> {
            Job<?> running = job;
            if (running != null) {
                // the task stops at its next check and reports how far it got; no interrupt
                running.cancel(false);
                cancel.setEnabled(false);
                status.setText(cancelling);
            }
        });
    }

    public boolean running() {
        return job != null;
    }

    /**
     * Starts {@code task} as job {@code name} on {@code pool} of {@code jobs} (the module's own
     * service). Call on the page (a click). {@code progress} words the status for (done, total);
     * {@code done} gets the result, or the failure (a {@link CancellationException} for a job
     * cancelled before it returned anything). Returns false when a job of this runner still runs.
     */
    public <T> boolean start(Jobs jobs, String pool, String name, JobTask<T> task,
            BiFunction<Long, Long, String> progress, BiConsumer<T, Throwable> done) {
        if (job != null) {
            return false;
        }
        UI ui = UI.getCurrent();
        // refused only while the module stops: the page then gets the refusal as the job's failure
        Job<T> started;
        try {
            started = jobs.submit(pool, name, p -> task.run(new Shown(ui, p, progress)));
        } catch (RuntimeException e) {
            done.accept(null, e);
            return false;
        }
        cancel.setEnabled(true);
        bar.setVisible(true);
        bar.setIndeterminate(true);
        stopPolling = pollWhileRunning(ui, view);
        job = started;
        started.result().whenComplete((value, error) -> UiSupport.access(ui, LOG, () -> {
            if (job == started) {
                job = null;
                stopPolling.run();
                bar.setVisible(false);
                cancel.setEnabled(false);
            }
            done.accept(value, error);
        }));
        return true;
    }

    /** The task's progress: kept by the job, and shown on the page at most every 200 ms. */
    private final class Shown implements JobProgress {
        private final UI ui;
        private final JobProgress job;
        private final BiFunction<Long, Long, String> text;
        private long lastPush;

        Shown(UI ui, JobProgress job, BiFunction<Long, Long, String> text) {
            this.ui = ui;
            this.job = job;
            this.text = text;
        }

        @Override
        public void update(long done, long total) {
            job.update(done, total);
            long now = System.currentTimeMillis();
            if (now - lastPush < PUSH_INTERVAL_MS && done < total) {
                return;
            }
            lastPush = now;
            UiSupport.access(ui, LOG, () -> {
                bar.setIndeterminate(total <= 0);
                if (total > 0) {
                    bar.setValue(Math.min(1.0, (double) done / total));
                }
                if (!job.cancelled()) {
                    status.setText(text.apply(done, total));
                }
            });
        }

        @Override
        public boolean cancelled() {
            return job.cancelled();
        }
    }

    /**
     * While a job started from {@code view} runs on a page whose push fell back to long
     * polling (a proxy that does not pass the WebSocket upgrade): a poll each second, so an update
     * whose long-polling push was lost (seen in CI: a finished audit the page never heard of)
     * arrives with the next poll. Polling stops when the returned action is run or the view leaves
     * the page. Over a WebSocket nothing polls: pushes are not lost there, and a poll each second
     * beside them only adds requests that race the page's other messages.
     */
    static Runnable pollWhileRunning(UI ui, Component view) {
        if (pushOverWebSocket(ui)) {
            return () -> {
            };
        }
        ui.setPollInterval(POLL_WHILE_RUNNING_MS);
        Registration detach = view.addDetachListener(e -> e.getUI().setPollInterval(-1));
        return () -> {
            detach.remove();
            ui.setPollInterval(-1);
        };
    }

    private static final int POLL_WHILE_RUNNING_MS = 1000;

    /**
     * Whether the page's push connection is a WebSocket now (the configured transport says only
     * what was asked for). Vaadin keeps the Atmosphere resource behind a protected getter and this
     * bundle does not import Atmosphere, hence reflection; anything unexpected counts as "not a
     * WebSocket", which only means polling as before. Call under the page's lock.
     */
    static boolean pushOverWebSocket(UI ui) {
        PushConnection push = ui.getInternals().getPushConnection();
        if (push == null || !push.isConnected()) {
            return false;
        }
        try {
            for (Class<?> type = push.getClass(); type != null; type = type.getSuperclass()) {
                for (Method method : type.getDeclaredMethods()) {
                    if (method.getName().equals("getResource") && method.getParameterCount() == 0) {
                        method.setAccessible(true);
                        Object resource = method.invoke(push);
                        if (resource == null) {
                            return false;
                        }
                        Object transport = resource.getClass().getMethod("transport").invoke(resource);
                        return "WEBSOCKET".equals(String.valueOf(transport));
                    }
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("Push transport not known; polling", e);
        }
        return false;
    }
}
