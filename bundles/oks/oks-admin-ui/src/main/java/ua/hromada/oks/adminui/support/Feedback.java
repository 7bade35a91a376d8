package ua.hromada.oks.adminui.support;



import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Short messages of the views, and unexpected failures logged under an id shown to the person. */
public final class Feedback {

    private Feedback() {
    }

    public static void success(String text) {
        Notification.show(text, 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(String text) {
        Notification.show(text, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

}
