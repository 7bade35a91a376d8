package ua.hromada.portal.shell.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeatureEvent;
import org.apache.karaf.features.FeaturesListener;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.RepositoryEvent;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.portal.api.jobs.Job;
import ua.hromada.portal.api.jobs.JobTask;
import ua.hromada.portal.api.jobs.Jobs;

/**
 * Upgrade in place: a KAR with a higher version of a module dropped into {@code deploy/} makes
 * Karaf's KAR deployer install the new {@code hromada-<key>} feature next to the old one (it installs
 * without the features service's Upgrade option, and nothing else removes the old version). Once the
 * new version is installed this listener uninstalls every older installed version of the same
 * feature, so the old bundles go (the ones the new version still uses stay) and one version of a
 * module runs. A lower version dropped later is the one uninstalled: the newest always wins.
 *
 * <p>The uninstall runs as a job on pool {@code portal.upgrades}: Karaf calls listeners from its
 * provisioning thread and queues further installs behind it.
 */
@Component(service = FeaturesListener.class, immediate = true)
public class ModuleUpgrades implements FeaturesListener {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleUpgrades.class);

    @Reference
    private FeaturesService features;

    @Reference
    private Jobs jobs;

    private final Set<Job<Void>> running = ConcurrentHashMap.newKeySet();

    @Deactivate
    void deactivate() {
        running.forEach(Job::cancel);
    }

    @Override
    public void featureEvent(FeatureEvent event) {
        // replayed events (the installed features when this listener registers) are handled too:
        // two versions left installed by a stop in the middle of an upgrade are cleaned up at start
        Feature feature = event.getFeature();
        if (event.getType() == FeatureEvent.EventType.FeatureInstalled
                && feature.getName().startsWith(ModuleBoot.FEATURE_PREFIX)) {
            Job<Void> job = jobs.submit("portal.upgrades", "keep newest " + feature.getName(),
                    JobTask.of(() -> keepNewest(feature.getName())));
            running.add(job);
            job.result().whenComplete((done, error) -> running.remove(job));
        }
    }

    @Override
    public void repositoryEvent(RepositoryEvent event) {
        // repositories added or removed change nothing installed
    }

    private void keepNewest(String name) {
        List<Feature> installed = new ArrayList<>();
        try {
            for (Feature feature : features.listInstalledFeatures()) {
                if (feature.getName().equals(name)) {
                    installed.add(feature);
                }
            }
        } catch (Exception e) {
            LOG.warn("Installed versions of {} cannot be read; an older version may stay installed", name, e);
            return;
        }
        if (installed.size() < 2) {
            return;
        }
        installed.sort(Comparator.comparing(f -> version(f.getVersion())));
        Feature newest = installed.get(installed.size() - 1);
        for (Feature old : installed.subList(0, installed.size() - 1)) {
            try {
                features.uninstallFeature(name, old.getVersion(), ModuleBoot.options());
                LOG.info("Module {} upgraded: version {} replaced by {}", name, old.getVersion(), newest.getVersion());
            } catch (Exception e) {
                LOG.error("Module {}: the older version {} could not be uninstalled after {} was installed",
                        name, old.getVersion(), newest.getVersion(), e);
            }
        }
    }

    /** Karaf keeps feature versions in OSGi form (0.1.0.SNAPSHOT); anything else sorts lowest. */
    static Version version(String text) {
        try {
            return Version.parseVersion(text);
        } catch (IllegalArgumentException e) {
            return Version.emptyVersion;
        }
    }
}
