package ua.hromada.portal.shell.admin;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Short success and error messages of the admin views. */
final class Feedback {

    private Feedback() {
    }

    static void success(String text) {
        Notification n = Notification.show(text, 3000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    static void error(String text) {
        Notification n = Notification.show(text, 7000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    static String actor() {
        UI ui = UI.getCurrent();
        ua.hromada.portal.api.PortalUser user = ui == null ? null
                : ui.getSession().getAttribute(ua.hromada.portal.api.PortalUser.class);
        return user == null ? "system" : user.username();
    }
}
