package ua.hromada.portal.shell.core;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

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

        /** Rebuilds the menu; {@code removedView} is the class of a view that went away, or null. */
        void contributionsChanged(Class<?> removedView);
    }

    private final Set<OpenPage> pages = ConcurrentHashMap.newKeySet();

    public void register(OpenPage page) {
        pages.add(page);
    }

    public void unregister(OpenPage page) {
        pages.remove(page);
    }

    public int openPages() {
        return pages.size();
    }

    /** Pushes a module change to every open page. */
    public void contributionsChanged(Class<?> removedView) {
        for (OpenPage page : pages) {
            UI ui = page.ui();
            if (ui == null || ui.isClosing()) {
                pages.remove(page);
                continue;
            }
            ui.access(() -> page.contributionsChanged(removedView));
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
