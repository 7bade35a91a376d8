package ua.hromada.portal.jobs;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/ua.hromada.portal.jobs.cfg}: how many threads each named pool has. */
@ObjectClassDefinition(id = JobsConfig.PID, name = "Hromada background jobs",
        description = "Named pools that run the portal's and the modules' background work (imports, index "
                + "rebuilds, audits, mail, schedules, page updates).")
public @interface JobsConfig {

    String PID = "ua.hromada.portal.jobs";

    @AttributeDefinition(name = "Pool sizes",
            description = "Threads of a pool as name=threads, e.g. opendata.audit.links=8. A pool not listed has one "
                    + "thread (jobs in it run one after another in the order submitted), or as many as its module "
                    + "asks for checking things at once.")
    String[] pools() default {};
}
