package ua.hromada.portal.jobs;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import ua.hromada.portal.api.cluster.NodeName;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.jobs.Jobs;

/**
 * Registers {@link Jobs} as a bundle-scoped service: each bundle that gets it gets its own
 * {@link ModuleJobs} on the one set of {@link JobPools}, and when the bundle releases it (stops) its
 * unfinished jobs are cancelled. Registered by hand, as a service factory, because the pools must be
 * one for all bundles, which a DS component of bundle scope (one instance per bundle) cannot hold
 * without static state.
 */
@Component(immediate = true, service = {}, configurationPid = JobsConfig.PID)
@Designate(ocd = JobsConfig.class)
public class JobService {

    private JobPools pools;
    private ServiceRegistration<Jobs> registration;

    // a job runs as the community its submitter worked for (docs/regional-hosting.md)
    @Reference
    private Communities communities;

    @Reference
    private ConfigurationAdmin configurations;

    // run-once work takes its lock in the database the nodes share (docs/cluster.md)
    @Reference(target = "(dataSourceName=hromada)")
    private DataSource dataSource;

    @Activate
    void activate(BundleContext context, JobsConfig config) {
        pools = new JobPools(JobPools.parse(config.pools()), communities, dataSource, NodeName.of(configuredNode()));
        Dictionary<String, Object> description = new Hashtable<>();
        description.put(Constants.SERVICE_DESCRIPTION, "Hromada background jobs");
        registration = context.registerService(Jobs.class, new ServiceFactory<>() {
            @Override
            public Jobs getService(Bundle bundle, ServiceRegistration<Jobs> registration) {
                return pools.forModule(bundle.getSymbolicName());
            }

            @Override
            public void ungetService(Bundle bundle, ServiceRegistration<Jobs> registration, Jobs jobs) {
                ((ModuleJobs) jobs).release();
            }
        }, description);
    }

    /**
     * The node's name as the change log has it (docs/cluster.md): read from the cluster configuration
     * itself, since a component with a metatype designation takes its properties from one PID.
     */
    private String configuredNode() {
        try {
            Configuration[] found = configurations.listConfigurations(
                    "(" + Constants.SERVICE_PID + "=" + NodeName.PID + ")");
            Object node = found == null || found[0].getProperties() == null ? null : found[0].getProperties().get("node");
            return node == null ? null : node.toString();
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalStateException("reading " + NodeName.PID, e);
        }
    }

    @Modified
    void modified(JobsConfig config) {
        pools.configure(JobPools.parse(config.pools()));
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        pools.close();
    }
}
