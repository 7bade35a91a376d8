package ua.hromada.portal.shell.core;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import ua.hromada.portal.api.Notifications;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.jobs.Job;
import ua.hromada.portal.api.jobs.JobTask;
import ua.hromada.portal.api.jobs.Jobs;

/**
 * Open portal pages (one main layout per browser tab), so menus can follow module changes and
 * messages can reach users by push. Each page is known with the community it was opened in: a
 * pushed menu is built in that community (its modules), and a message sent in one community's
 * work reaches only that community's pages.
 */
@Component(service = { NotificationsImpl.class, Notifications.class })
public class NotificationsImpl implements Notifications {

    /** What the tracker needs of an open page. */
    public interface OpenPage {
        UI ui();

        PortalUser user();

        /** Rebuilds the menu; {@code removedViews} are classes of views that went away. */
        void contributionsChanged(Set<Class<?>> removedViews);
    }

    /** A module stops component by component; pages are updated once it has settled. */
    private static final Duration SETTLE = Duration.ofMillis(150);

    /** Open page → the id of its community. */
    private final Map<OpenPage, String> pages = new ConcurrentHashMap<>();
    private final Set<Class<?>> removedViews = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean flushPending = new AtomicBoolean();
    @Reference
    private Jobs jobs;
    @Reference
    private Communities communities;
    private volatile Job<Void> flush;

    @Deactivate
    void deactivate() {
        Job<Void> pending = flush;
        if (pending != null) {
            pending.cancel();
        }
    }

    /** A page attached in a request of its community (the community bound now is the page's). */
    public void register(OpenPage page) {
        pages.put(page, communities.current().id());
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
            flush = jobs.schedule("portal.ui", "menu update", SETTLE, JobTask.of(this::flush));
        }
    }

    private void flush() {
        flushPending.set(false);
        Set<Class<?>> removed = Set.copyOf(removedViews);
        removedViews.removeAll(removed);
        pages.forEach((page, community) -> {
            UI ui = page.ui();
            if (ui == null || ui.isClosing()) {
                pages.remove(page);
                return;
            }
            // the menu is rebuilt outside any request: in the page's community, with its modules
            ui.access(() -> communities.runAs(community, () -> page.contributionsChanged(removed)));
        });
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
        String community = communities.current().id();
        for (Map.Entry<OpenPage, String> open : pages.entrySet()) {
            OpenPage page = open.getKey();
            UI ui = page.ui();
            if (ui != null && !ui.isClosing() && community.equals(open.getValue()) && to.test(page)) {
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
