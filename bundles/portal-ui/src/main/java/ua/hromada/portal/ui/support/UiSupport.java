package ua.hromada.portal.ui.support;

import java.lang.reflect.Method;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.server.communication.PushConnection;
import com.vaadin.flow.shared.Registration;

/**
 * Small helpers every module's views need the same way: calendar texts in the page's language
 * (i18n/portalui*.properties of this bundle), updates pushed from other threads, and failures
 * logged under a short reference.
 */
public final class UiSupport {

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
     * While a background job started from {@code view} runs on a page whose push fell back to long
     * polling (a proxy that does not pass the WebSocket upgrade): a poll each second, so an update
     * whose long-polling push was lost (seen in CI: a finished audit the page never heard of)
     * arrives with the next poll. Polling stops when the returned action is run or the view leaves
     * the page. Over a WebSocket nothing polls: pushes are not lost there, and a poll each second
     * beside them only adds requests that race the page's other messages.
     */
    public static Runnable pollWhileRunning(UI ui, Component view) {
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
            LoggerFactory.getLogger(UiSupport.class).debug("Push transport not known; polling", e);
        }
        return false;
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
}
