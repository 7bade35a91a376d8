package ua.hromada.portal.community;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.portal.api.PortalException;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.api.community.CommunityAdministration;
import ua.hromada.portal.api.community.CommunityScope;

/**
 * The communities of the portal, one Config Admin configuration each
 * ({@code etc/ua.hromada.portal.community~<id>.cfg}), re-read whenever one changes, so a
 * community added by file, console or view serves its hosts at once. The community bound to the
 * running thread is this component's own thread-local state.
 */
@Component(immediate = true, service = {Communities.class, CommunityAdministration.class, ConfigurationListener.class})
public class CommunitiesImpl implements Communities, CommunityAdministration, ConfigurationListener {

    private static final Logger LOG = LoggerFactory.getLogger(CommunitiesImpl.class);
    private static final Community PLAIN_DEFAULT = new Community(DEFAULT, List.of(), Set.of(), Map.of());

    private final ConfigurationAdmin configurations;
    private final Path etc;
    private final ThreadLocal<String> bound = new ThreadLocal<>();
    /** Default first, then by id; replaced whole on every change. */
    private volatile Map<String, Community> communities = Map.of(DEFAULT, PLAIN_DEFAULT);
    private volatile Map<String, Community> byHost = Map.of();

    @Activate
    public CommunitiesImpl(@Reference ConfigurationAdmin configurations) {
        this(configurations, Path.of(System.getProperty("karaf.etc", "etc")));
    }

    /** @param etc the folder fileinstall watches for configuration files */
    CommunitiesImpl(ConfigurationAdmin configurations, Path etc) {
        this.configurations = configurations;
        this.etc = etc;
        reload();
    }

    @Override
    public Community current() {
        String id = bound.get();
        Community community = id == null ? null : communities.get(id);
        // a community removed while work of it runs: that work keeps its id (the rows stay its own)
        if (community != null) {
            return community;
        }
        return id == null ? communities.get(DEFAULT) : new Community(id, List.of(), Set.of(), Map.of());
    }

    @Override
    public List<Community> all() {
        return List.copyOf(communities.values());
    }

    @Override
    public Optional<Community> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(communities.get(id));
    }

    @Override
    public Community forHost(String host) {
        Community community = byHost.get(CommunityConfig.normalHost(stripPort(host)));
        return community != null ? community : communities.get(DEFAULT);
    }

    @Override
    public CommunityScope enter(String id) {
        if (id == null || !communities.containsKey(id)) {
            throw new IllegalArgumentException("no community " + id);
        }
        String previous = bound.get();
        bound.set(id);
        Thread owner = Thread.currentThread();
        return () -> {
            if (Thread.currentThread() != owner) {
                throw new IllegalStateException("a community scope must be closed by the thread that entered it");
            }
            if (previous == null) {
                bound.remove();
            } else {
                bound.set(previous);
            }
        };
    }

    @Override
    public Community save(Community community) {
        Community normal = new Community(community.id(), CommunityConfig.hosts(community.hosts()), community.modules(),
                community.settings());
        synchronized (this) {
            CommunityRules.check(normal, communities.values());
            Map<String, String> properties = CommunityConfig.toProperties(normal);
            try {
                Path file = CommunityFile.write(etc, normal.id(), properties);
                // fileinstall would load the file within its poll interval; updating the configuration
                // now, linked to the file, makes the community serve at once (fileinstall then finds
                // it unchanged)
                Configuration configuration = configuration(normal.id());
                Dictionary<String, Object> dictionary = new Hashtable<>(properties);
                dictionary.put(CommunityConfig.FILENAME, CommunityFile.configKey(file));
                configuration.update(dictionary);
            } catch (IOException e) {
                LOG.error("Community {} not saved", normal.id(), e);
                throw new PortalException(Reason.CONFLICT, "portal.community.notSaved", normal.id(), e.getMessage());
            }
            reload();
        }
        LOG.info("Community {} saved: hosts {}, modules {}", normal.id(), normal.hosts(),
                normal.modules().isEmpty() ? "all" : normal.modules());
        return communities.getOrDefault(normal.id(), normal);
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (CommunityConfig.PID.equals(event.getFactoryPid()) || CommunityConfig.idOf(event.getPid()) != null) {
            reload();
        }
    }

    /**
     * The configuration of a community: the one already there (from its file or an earlier save),
     * else a new one with the PID fileinstall gives its file ({@code <factory pid>~<id>}).
     */
    private Configuration configuration(String id) throws IOException {
        String pid = CommunityConfig.PID + "~" + id;
        try {
            Configuration[] found = configurations.listConfigurations("(service.pid=" + pid + ")");
            if (found != null && found.length > 0) {
                return found[0];
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return configurations.getConfiguration(pid, "?");
    }

    /** Reads every community configuration again. */
    final synchronized void reload() {
        Map<String, Community> read = new TreeMap<>();
        try {
            // fileinstall 3.7 (Karaf 4.4) makes a "<pid>~<id>.cfg" file a configuration of that very PID,
            // not a factory configuration: both forms are read, by the PID
            Configuration[] found = configurations.listConfigurations("(|(service.factoryPid=" + CommunityConfig.PID
                    + ")(service.pid=" + CommunityConfig.PID + "~*))");
            for (Configuration configuration : found == null ? new Configuration[0] : found) {
                String id = CommunityConfig.idOf(configuration.getPid());
                Dictionary<String, Object> properties = configuration.getProperties();
                if (id == null || properties == null) {
                    continue;
                }
                if (!CommunityRules.ID.matcher(id).matches()) {
                    LOG.warn("Configuration {} ignored: {} is not a community id (a-z, 0-9, hyphen; 2-40)",
                            configuration.getPid(), id);
                    continue;
                }
                read.put(id, CommunityConfig.toCommunity(id, map(properties)));
            }
        } catch (IOException | InvalidSyntaxException e) {
            LOG.error("Community configurations not read; the communities known before stay", e);
            return;
        }
        Map<String, Community> ordered = new LinkedHashMap<>();
        ordered.put(DEFAULT, read.getOrDefault(DEFAULT, PLAIN_DEFAULT));
        ordered.putAll(read);
        Map<String, Community> hosts = new HashMap<>();
        for (Community community : ordered.values()) {
            for (String host : community.hosts()) {
                Community earlier = hosts.putIfAbsent(host, community);
                if (earlier != null) {
                    LOG.warn("Host {} is claimed by communities {} and {}; it serves {}", host, earlier.id(),
                            community.id(), earlier.id());
                }
            }
        }
        communities = Collections.unmodifiableMap(ordered);
        byHost = Map.copyOf(hosts);
    }

    private static Map<String, Object> map(Dictionary<String, Object> dictionary) {
        Map<String, Object> map = new HashMap<>();
        for (Enumeration<String> keys = dictionary.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            map.put(key, dictionary.get(key));
        }
        return map;
    }

    /** A Host header value may carry the port; a request's server name does not. */
    private static String stripPort(String host) {
        if (host == null) {
            return "";
        }
        int colon = host.lastIndexOf(':');
        return colon > 0 && host.indexOf(':') == colon && !host.startsWith("[") ? host.substring(0, colon) : host;
    }
}
