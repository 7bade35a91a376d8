package ua.hromada.crm.service.cases;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ua.hromada.portal.api.Notifications;

/** The portal's notifications as a test sees them: who was told what (no open UIs here). */
final class RecordingNotifications implements Notifications {
    final List<String> sent = new CopyOnWriteArrayList<>();

    @Override
    public int notifyUser(String username, String message) {
        sent.add("user " + username + ": " + message);
        return 1;
    }

    @Override
    public int notifyPermission(String permission, String message) {
        sent.add("permission " + permission + ": " + message);
        return 1;
    }
}
