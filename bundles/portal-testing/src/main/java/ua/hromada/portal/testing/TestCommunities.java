package ua.hromada.portal.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.api.community.CommunityScope;

/**
 * The communities of a test, held in memory: the default one plus those a test adds, with the
 * same binding rules as the portal's (unbound work is the default community's).
 */
public final class TestCommunities implements Communities {

    private final Map<String, Community> communities = new LinkedHashMap<>();
    private final ThreadLocal<String> bound = new ThreadLocal<>();

    public TestCommunities() {
        add(new Community(DEFAULT, List.of(), Set.of(), Map.of()));
    }

    /** Adds (or replaces) a community. */
    public TestCommunities add(Community community) {
        synchronized (communities) {
            communities.put(community.id(), community);
        }
        return this;
    }

    /** Adds a community with every module and no overlay. */
    public TestCommunities add(String id, String... hosts) {
        return add(new Community(id, List.of(hosts), Set.of(), Map.of()));
    }

    @Override
    public Community current() {
        String id = bound.get();
        return find(id == null ? DEFAULT : id).orElseThrow();
    }

    @Override
    public List<Community> all() {
        synchronized (communities) {
            return new ArrayList<>(communities.values());
        }
    }

    @Override
    public Optional<Community> find(String id) {
        synchronized (communities) {
            return Optional.ofNullable(communities.get(id));
        }
    }

    @Override
    public Community forHost(String host) {
        String name = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return all().stream().filter(c -> c.hosts().contains(name)).findFirst().orElse(find(DEFAULT).orElseThrow());
    }

    @Override
    public CommunityScope enter(String id) {
        if (find(id).isEmpty()) {
            throw new IllegalArgumentException("no community " + id);
        }
        String previous = bound.get();
        bound.set(id);
        return () -> {
            if (previous == null) {
                bound.remove();
            } else {
                bound.set(previous);
            }
        };
    }
}
