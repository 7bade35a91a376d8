package ua.hromada.portal.shell.core;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Deactivate;

import org.osgi.service.component.annotations.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import ua.hromada.portal.api.Notifications;
import ua.hromada.portal.api.PortalUser;

/**
 * Open portal pages (one main layout per browser tab), so menus can follow module changes and
 * messages can reach users by push.
 */
@Component(service = { UiTracker.class, Notifications.class })
public class UiTracker implements Notifications {

    /** What the tracker needs of an open page. */
    public interface OpenPage {
        UI ui();

        PortalUser user();

        /** Rebuilds the menu; {@code removedViews} are classes of views that went away. */
        void contributionsChanged(Set<Class<?>> removedViews);
    }

    /** A module stops component by component; pages are updated once it has settled. */
    private static final long SETTLE_MILLIS = 150;

    private final Set<OpenPage> pages = ConcurrentHashMap.newKeySet();
    private final Set<Class<?>> removedViews = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean flushPending = new AtomicBoolean();
    private ScheduledExecutorService scheduler;

    @Activate
    void activate() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hromada-ui-updates");
            t.setDaemon(true);
            return t;
        });
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
    }

    public void register(OpenPage page) {
        pages.add(page);
    }

    public void unregister(OpenPage page) {
        pages.remove(page);
    }

    public int openPages() {
        return pages.size();
    }

    /** Pushes a module change to every open page, coalescing changes that come together. */
    public void contributionsChanged(Class<?> removedView) {
        if (removedView != null) {
            removedViews.add(removedView);
        }
        if (flushPending.compareAndSet(false, true)) {
            scheduler.schedule(this::flush, SETTLE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void flush() {
        flushPending.set(false);
        Set<Class<?>> removed = Set.copyOf(removedViews);
        removedViews.removeAll(removed);
        for (OpenPage page : pages) {
            UI ui = page.ui();
            if (ui == null || ui.isClosing()) {
                pages.remove(page);
                continue;
            }
            ui.access(() -> page.contributionsChanged(removed));
        }
    }

    @Override
    public int notifyUser(String username, String message) {
        return deliver(p -> p.user() != null && p.user().username().equals(username), message);
    }

    @Override
    public int notifyPermission(String permission, String message) {
        return deliver(p -> p.user() != null && p.user().hasPermission(permission), message);
    }

    private int deliver(Predicate<OpenPage> to, String message) {
        int delivered = 0;
        for (OpenPage page : pages) {
            UI ui = page.ui();
            if (ui != null && !ui.isClosing() && to.test(page)) {
                ui.access(() -> {
                    Notification n = Notification.show(message, 6000, Notification.Position.TOP_END);
                    n.addThemeVariants(NotificationVariant.LUMO_PRIMARY);
                });
                delivered++;
            }
        }
        return delivered;
    }
}
