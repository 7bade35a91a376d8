package ua.hromada.portal.api.community;

/** The community bound to the running thread until closed (try-with-resources). */
@FunctionalInterface
public interface CommunityScope extends AutoCloseable {

    @Override
    void close();
}
