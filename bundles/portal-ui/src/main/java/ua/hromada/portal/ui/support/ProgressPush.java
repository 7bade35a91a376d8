package ua.hromada.portal.ui.support;

import java.util.function.BiConsumer;

import org.slf4j.Logger;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.progressbar.ProgressBar;

/**
 * Shows a background job's progress on a page: the bar's value and a text the view writes. A job
 * reports far more often than a page can show, so at most one push every 200 ms goes out, and
 * always the last step. Called from the job's thread only.
 */
public final class ProgressPush {

    private static final long INTERVAL_MS = 200;

    private final UI ui;
    private final Logger log;
    private final ProgressBar bar;
    private final BiConsumer<Long, Long> text;
    private long lastPush;

    /** @param text writes the status for (done, total); runs on the page under its lock */
    public ProgressPush(UI ui, Logger log, ProgressBar bar, BiConsumer<Long, Long> text) {
        this.ui = ui;
        this.log = log;
        this.bar = bar;
        this.text = text;
    }

    public void update(long done, long total) {
        long now = System.currentTimeMillis();
        if (now - lastPush < INTERVAL_MS && done < total) {
            return;
        }
        lastPush = now;
        UiSupport.access(ui, log, () -> {
            bar.setIndeterminate(total <= 0);
            if (total > 0) {
                bar.setValue(Math.min(1.0, (double) done / total));
            }
            text.accept(done, total);
        });
    }
}
