package ua.hromada.portal.ui.support;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.streams.DownloadHandler;

/**
 * Small helpers every module's views need the same way: calendar texts in the page's language
 * (i18n/portalui*.properties of this bundle), updates pushed from other threads, short success and
 * error messages, file downloads, and failures logged under a short reference. A long task started
 * from a view runs through {@link JobRunner}.
 */
public final class UiSupport {

    /** Writes a download's file onto the response. */
    @FunctionalInterface
    public interface FileWriter {
        void write(OutputStream out) throws IOException;
    }

    private UiSupport() {
    }

    /** Calendar texts in the page's language, weeks from Monday, typed dates as dd.MM.yyyy. */
    public static void localise(DatePicker picker) {
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
        i18n.setMonthNames(List.of(picker.getTranslation("calendar.months").split(",")));
        i18n.setWeekdays(List.of(picker.getTranslation("calendar.weekdays").split(",")));
        i18n.setWeekdaysShort(List.of(picker.getTranslation("calendar.weekdaysShort").split(",")));
        i18n.setToday(picker.getTranslation("calendar.today"));
        i18n.setCancel(picker.getTranslation("calendar.cancel"));
        i18n.setFirstDayOfWeek(1);
        i18n.setDateFormats("dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd");
        picker.setI18n(i18n);
        picker.setPlaceholder(picker.getTranslation("calendar.format"));
    }

    /**
     * Runs a change on a page from another thread (by push); a page closed meanwhile just stops
     * receiving updates.
     */
    public static void access(UI ui, Logger log, Runnable change) {
        try {
            ui.access(change::run);
        } catch (UIDetachedException e) {
            log.debug("Page closed; update not shown");
        }
    }

    /**
     * Logs an unexpected failure under a short reference that the person is shown beside the
     * message, so support finds the log entry.
     */
    public static String logFailure(Logger log, String what, Throwable error) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("{} [{}]", what, reference, error);
        return reference;
    }

    /**
     * A file a person downloads from a page, written as it is sent: the name is asked for when the
     * download starts (a date in it is that day's); a failure is logged under a reference and the
     * download fails.
     */
    public static DownloadHandler download(Supplier<String> fileName, String contentType, Logger log, String what,
            FileWriter writer) {
        return event -> {
            event.setFileName(fileName.get());
            event.setContentType(contentType);
            try (OutputStream out = event.getOutputStream()) {
                writer.write(out);
            } catch (RuntimeException e) {
                logFailure(log, what, e);
                throw e;
            }
        };
    }

    /** A short message that something was done: 3 s at the bottom, in the success colour. */
    public static Notification success(String text) {
        Notification n = Notification.show(text, 3000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        return n;
    }

    /** A refusal or failure in words: 8 s in the middle of the page (time to read it), in the error colour. */
    public static Notification error(String text) {
        Notification n = Notification.show(text, 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        return n;
    }
}
