package ua.hromada.portal.community;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import ua.hromada.portal.api.community.Community;

/**
 * A community as Config Admin and its file hold it: configuration {@code <PID>~<id>} (of factory
 * {@link #PID}, or of that PID where fileinstall made it from the file
 * {@code etc/ua.hromada.portal.community~poltava.cfg}); {@code hosts} and
 * {@code modules} are comma lists, every key with a slash ({@code <pid>/<key>}) is its overlay.
 */
final class CommunityConfig {

    /** The factory PID of the communities. */
    static final String PID = "ua.hromada.portal.community";
    static final String HOSTS = "hosts";
    static final String MODULES = "modules";
    /** Where fileinstall records the file a configuration came from (and writes changes back to). */
    static final String FILENAME = "felix.fileinstall.filename";
    /** The overlay key of the community's name. */
    static final String NAME = "ua.hromada.portal/community.name";

    private CommunityConfig() {
    }

    /** The community id a configuration's PID names ({@code <factory>~<id>}), else null. */
    static String idOf(String pid) {
        String prefix = PID + "~";
        return pid != null && pid.startsWith(prefix) ? pid.substring(prefix.length()) : null;
    }

    /** The community a configuration's properties describe (keys Config Admin added are ignored). */
    static Community toCommunity(String id, Map<String, ?> properties) {
        Map<String, String> settings = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (key.indexOf('/') > 0 && value != null) {
                settings.put(key, String.valueOf(value));
            }
        });
        return new Community(id, hosts(list(properties.get(HOSTS))), new LinkedHashSet<>(list(properties.get(MODULES))),
                settings);
    }

    /** What the configuration and its file hold for a community, in a stable order. */
    static Map<String, String> toProperties(Community community) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(HOSTS, String.join(",", community.hosts()));
        properties.put(MODULES, String.join(",", community.modules().stream().sorted().toList()));
        properties.putAll(new TreeMap<>(community.settings()));
        return properties;
    }

    /** Host names as the portal compares them: lower case, no trailing dot, no duplicates. */
    static List<String> hosts(List<String> names) {
        Set<String> hosts = new LinkedHashSet<>();
        for (String name : names) {
            String host = normalHost(name);
            if (!host.isEmpty()) {
                hosts.add(host);
            }
        }
        return new ArrayList<>(hosts);
    }

    static String normalHost(String name) {
        String host = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host;
    }

    /** A comma list (or an array, as a typed .config file gives it) as its non-blank items. */
    static List<String> list(Object value) {
        if (value == null) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        Iterable<?> parts = value instanceof String[] array ? Arrays.asList(array)
                : value instanceof Iterable<?> iterable ? iterable : List.of(String.valueOf(value));
        for (Object part : parts) {
            for (String item : String.valueOf(part).split(",")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        }
        return items;
    }
}
