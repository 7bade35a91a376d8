package ua.hromada.oks.adminui.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The member usernames being edited in the organisation dialog: in the order added, each once
 * (usernames compare without regard to case, as the portal's accounts do).
 */
final class Members {

    private final List<String> usernames = new ArrayList<>();

    Members(List<String> initial) {
        initial.forEach(this::add);
    }

    /** @return false when the user is already a member (or the name is blank) */
    boolean add(String username) {
        if (username == null || username.isBlank() || contains(username)) {
            return false;
        }
        usernames.add(username.strip());
        return true;
    }

    boolean remove(String username) {
        return usernames.removeIf(u -> same(u, username));
    }

    boolean contains(String username) {
        return usernames.stream().anyMatch(u -> same(u, username));
    }

    List<String> list() {
        return List.copyOf(usernames);
    }

    private static boolean same(String a, String b) {
        return b != null && a.toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }
}
