package ua.hromada.portal.ui.support;

import java.io.Serializable;
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

import ua.hromada.portal.api.jobs.Job;
import ua.hromada.portal.api.jobs.JobProgress;
import ua.hromada.portal.api.jobs.JobTask;
import ua.hromada.portal.api.jobs.Jobs;

/**
 * The one way a view runs a long task (an import, an audit): the task runs as a {@link Job} on the
 * module's pool, never on the UI thread; the view's progress bar, status text and cancel button
 * follow it by push; {@code done} is called on the page, under its lock, when the job ends. The view
 * owns and places the three components (its ids and layout stay its own); the runner drives them.
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
                running.cancel();
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
        cancel.setEnabled(true);
        bar.setVisible(true);
        bar.setIndeterminate(true);
        stopPolling = UiSupport.pollWhileRunning(ui, view);
        Job<T> started = jobs.submit(pool, name, p -> task.run(new Shown(ui, p, progress)));
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
}
