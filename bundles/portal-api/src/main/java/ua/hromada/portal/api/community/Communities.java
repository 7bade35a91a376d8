package ua.hromada.portal.api.community;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The communities the portal serves and the community of the running work. The portal binds it
 * for every HTTP request (from the host name), every Vaadin request and push message (from the
 * UI's host) and every job (the submitter's); the community DataSource
 * ({@link ua.hromada.portal.api.jdbc.CommunityData#TARGET}) gives each connection that community,
 * so PostgreSQL's row-level security shows and accepts only its rows. Work nobody bound (a module
 * starting, a console command) is the {@link #DEFAULT} community's; work meant for every community
 * (a nightly audit) runs once per community with {@link #runAs}.
 */
@org.osgi.annotation.versioning.ProviderType
public interface Communities {

    /** The community of a single-community deployment and of host names no community claims. */
    String DEFAULT = "default";

    /** The community bound to the running thread, else the default one. */
    Community current();

    /** Every community, the default one first. */
    List<Community> all();

    Optional<Community> find(String id);

    /** The community a host name (without port, any case) resolves to: the default one when none claims it. */
    Community forHost(String host);

    /**
     * Binds a community to the running thread until the scope is closed.
     *
     * @throws IllegalArgumentException when no community has that id
     */
    CommunityScope enter(String id);

    /** Runs the work with the community bound, then restores what was bound before. */
    default void runAs(String id, Runnable work) {
        try (CommunityScope scope = enter(id)) {
            work.run();
        }
    }

    /** The work's result, computed with the community bound. */
    default <T> T callAs(String id, Supplier<T> work) {
        try (CommunityScope scope = enter(id)) {
            return work.get();
        }
    }

    /** The work, bound to the community current now, in whatever thread runs it later. */
    default Runnable bind(Runnable work) {
        String id = current().id();
        return () -> runAs(id, work);
    }

    /** The work, bound to the community current now, in whatever thread runs it later. */
    default <T> Callable<T> bind(Callable<T> work) {
        String id = current().id();
        return () -> {
            try (CommunityScope scope = enter(id)) {
                return work.call();
            }
        };
    }
}
