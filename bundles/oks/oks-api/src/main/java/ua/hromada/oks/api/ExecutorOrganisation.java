package ua.hromada.oks.api;

import java.util.List;

/**
 * An organisation violations are sent to: a municipal enterprise or a unit of the council.
 *
 * @param email   where the notice of a new violation goes (optional)
 * @param members portal usernames of its people (executors)
 * @param version the row's version as read (portal-api {@code Versioned}): a save of an older one is refused
 */
public record ExecutorOrganisation(long id, String name, String email, String phone, boolean active,
        List<String> members, long version) {

    public ExecutorOrganisation {
        members = members == null ? List.of() : List.copyOf(members);
    }

    /** An organisation as a new entry or a reference (version 0). */
    public ExecutorOrganisation(long id, String name, String email, String phone, boolean active, List<String> members) {
        this(id, name, email, phone, active, members, 0);
    }
}
