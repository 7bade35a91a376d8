package ua.hromada.portal.api.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * A node's name among several on one database: {@code node} of {@code etc/ua.hromada.portal.cluster.cfg},
 * else the host and the Karaf data folder, which stay the same across restarts. The change log and the
 * record of one-node runs ({@code portal.job_runs}) name a node by it.
 */
public final class NodeName {

    /** The configuration the name comes from (docs/cluster.md). */
    public static final String PID = "ua.hromada.portal.cluster";

    private NodeName() {
    }

    /** The configured name, else the host and the Karaf data folder; at most 200 characters. */
    public static String of(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        String data = System.getProperty("karaf.data", System.getProperty("user.dir"));
        String name = host + ":" + Path.of(data).toAbsolutePath().normalize();
        return name.length() <= 200 ? name : name.substring(name.length() - 200);
    }
}
