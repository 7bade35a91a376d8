package ua.hromada.oks.api;

import java.util.List;

/**
 * An organisation violations are sent to: a municipal enterprise or a unit of the council.
 *
 * @param email   where the notice of a new violation goes (optional)
 * @param members portal usernames of its people (executors)
 */
public record ExecutorOrganisation(long id, String name, String email, String phone, boolean active,
        List<String> members) {

    public ExecutorOrganisation {
        members = members == null ? List.of() : List.copyOf(members);
    }
}
