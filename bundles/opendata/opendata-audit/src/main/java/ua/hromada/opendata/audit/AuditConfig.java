package ua.hromada.opendata.audit;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the open data audit (etc/ua.hromada.opendata.audit.cfg). */
@ObjectClassDefinition(name = "Hromada open data audit", description = "Schedule, link checks, score weights")
public @interface AuditConfig {
    String PID = "ua.hromada.opendata.audit";

    @AttributeDefinition(name = "Schedule: daily, interval or off")
    String schedule() default "daily";

    @AttributeDefinition(name = "Time of the daily run (HH:mm)")
    String schedule_time() default "03:00";

    @AttributeDefinition(name = "Gap between runs in interval mode (ISO-8601, e.g. PT6H)")
    String schedule_interval() default "PT24H";

    @AttributeDefinition(name = "Time zone of the schedule and of 'today'")
    String time_zone() default "Europe/Kyiv";

    @AttributeDefinition(name = "Check links over HTTP")
    boolean links_enabled() default false;

    @AttributeDefinition(name = "Connect timeout of a link check, ms")
    int links_connect_timeout_ms() default 5000;

    @AttributeDefinition(name = "Whole-answer timeout of a link check, ms")
    int links_read_timeout_ms() default 15000;

    @AttributeDefinition(name = "Link checks at once")
    int links_max_concurrent() default 8;

    @AttributeDefinition(name = "Score points taken off per critical finding")
    double weight_critical() default 30;

    @AttributeDefinition(name = "Score points taken off per major finding")
    double weight_major() default 15;

    @AttributeDefinition(name = "Score points taken off per minor finding")
    double weight_minor() default 5;

    @AttributeDefinition(name = "Largest PDF read for the text-layer check, MB")
    int pdf_max_size_mb() default 50;

    @AttributeDefinition(name = "Finished runs kept (0 = all)")
    int runs_kept() default 0;
}
