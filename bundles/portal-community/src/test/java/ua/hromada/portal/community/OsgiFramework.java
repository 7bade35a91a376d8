package ua.hromada.portal.community;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A Felix framework with the Config Admin and fileinstall Karaf runs, fileinstall watching a
 * temporary etc/ folder as Karaf's watches etc/ (UTF-8 files, changes written back).
 */
final class OsgiFramework implements AutoCloseable {

    private final Path root;
    private final Felix felix;
    private final ConfigurationAdmin configurations;

    OsgiFramework() throws Exception {
        root = Files.createTempDirectory("hromada-community-osgi");
        Files.createDirectories(etc());
        Map<String, Object> properties = new HashMap<>();
        properties.put("org.osgi.framework.storage", root.resolve("cache").toString());
        properties.put("org.osgi.framework.storage.clean", "onFirstInit");
        // the API this test's classes see is the one the bundles use
        properties.put("org.osgi.framework.system.packages.extra", "org.osgi.service.cm;version=1.6.0");
        properties.put("felix.fileinstall.dir", etc().toString());
        properties.put("felix.fileinstall.filter", ".*\\.cfg");
        properties.put("felix.fileinstall.poll", "100");
        properties.put("felix.fileinstall.noInitialDelay", "true");
        properties.put("felix.fileinstall.enableConfigSave", "true");
        properties.put("felix.fileinstall.configEncoding", "UTF-8");
        properties.put("felix.fileinstall.log.level", "2");
        felix = new Felix(properties);
        felix.start();
        BundleContext context = felix.getBundleContext();
        Bundle cm = context.installBundle(jarOf(org.apache.felix.cm.impl.ConfigurationManager.class));
        Bundle fileinstall = context.installBundle(jarOf(org.apache.felix.fileinstall.internal.FileInstall.class));
        cm.start();
        fileinstall.start();
        ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> tracker = new ServiceTracker<>(context,
                ConfigurationAdmin.class, null);
        tracker.open();
        configurations = tracker.waitForService(10_000);
        if (configurations == null) {
            throw new IllegalStateException("Config Admin did not start");
        }
    }

    Path etc() {
        return root.resolve("etc");
    }

    BundleContext context() {
        return felix.getBundleContext();
    }

    ConfigurationAdmin configurations() {
        return configurations;
    }

    private static String jarOf(Class<?> type) throws Exception {
        return type.getProtectionDomain().getCodeSource().getLocation().toURI().toString();
    }

    @Override
    public void close() throws Exception {
        felix.stop();
        felix.waitForStop(10_000);
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
