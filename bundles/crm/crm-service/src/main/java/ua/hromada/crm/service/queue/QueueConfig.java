package ua.hromada.crm.service.queue;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The hall's queue and shift planning, PID {@code ua.hromada.crm.queue} (etc/ua.hromada.crm.queue.cfg). */
@ObjectClassDefinition(id = QueueConfig.PID, name = "Hromada ЦНАП queue",
        description = "The hall display and the planning of administrators per hour")
public @interface QueueConfig {
    String PID = "ua.hromada.crm.queue";

    @AttributeDefinition(name = "Display lines", description = "How many of today's latest calls the hall display lists")
    int display_lines() default 8;

    @AttributeDefinition(name = "Target utilisation (%)", description = "Share of an hour an administrator is planned to be busy with visitors, 10–100")
    int planning_utilisation_percent() default 85;

    @AttributeDefinition(name = "Service minutes", description = "Mean service time assumed while the queue has measured none")
    int planning_service_minutes() default 15;

    @AttributeDefinition(name = "Weeks", description = "Weeks of history the planning page counts by default")
    int planning_weeks() default 8;
}
