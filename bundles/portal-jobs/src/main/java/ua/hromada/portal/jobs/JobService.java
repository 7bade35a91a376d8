package ua.hromada.portal.jobs;

import java.util.Dictionary;
import java.util.Hashtable;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

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

    // run-once work takes its lock in the database the nodes share (docs/cluster.md)
    @Reference(target = "(dataSourceName=hromada)")
    private DataSource dataSource;

    @Activate
    void activate(BundleContext context, JobsConfig config) {
        pools = new JobPools(JobPools.parse(config.pools()), communities, dataSource);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_DESCRIPTION, "Hromada background jobs");
        registration = context.registerService(Jobs.class, new ServiceFactory<>() {
            @Override
            public Jobs getService(Bundle bundle, ServiceRegistration<Jobs> registration) {
                return pools.forModule(bundle.getSymbolicName());
            }

            @Override
            public void ungetService(Bundle bundle, ServiceRegistration<Jobs> registration, Jobs jobs) {
                ((ModuleJobs) jobs).release();
            }
        }, properties);
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
