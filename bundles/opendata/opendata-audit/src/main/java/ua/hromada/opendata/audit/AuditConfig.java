package ua.hromada.opendata.audit;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings of the open data audit (etc/ua.hromada.opendata.audit.cfg). The schedule and "today"
 * are in the community's time zone (PortalSettings), not a setting of its own.
 */
@ObjectClassDefinition(id = AuditConfig.PID, name = "Hromada open data audit",
        description = "Schedule, link checks, score weights, official requests' deadlines and answer files")
public @interface AuditConfig {
    String PID = "ua.hromada.opendata.audit";

    @AttributeDefinition(name = "Schedule", description = "When the audit runs by itself: daily, interval or off")
    String schedule() default "daily";

    @AttributeDefinition(name = "Daily run at", description = "Time of the daily run (HH:mm, the community's time zone)")
    String schedule_time() default "03:00";

    @AttributeDefinition(name = "Interval", description = "Gap between runs in interval mode (ISO-8601 duration, e.g. PT6H)")
    String schedule_interval() default "PT24H";

    @AttributeDefinition(name = "Check links",
            description = "Check every link of a resource or passport over HTTP: reachable, and the declared format."
                    + " Only public addresses (and allowed.networks of ua.hromada.opendata.ckan.cfg) are fetched;"
                    + " a link to an internal address is a finding. Off: nothing is fetched")
    boolean links_enabled() default true;

    @AttributeDefinition(name = "Link connect timeout, ms", description = "Connect timeout of one link check")
    int links_connect_timeout_ms() default 5000;

    @AttributeDefinition(name = "Link answer timeout, ms", description = "Timeout of the answer (head and first bytes) of one link check")
    int links_read_timeout_ms() default 15000;

    @AttributeDefinition(name = "Link checks at once", description = "Link checks running at the same time, all servers together")
    int links_max_concurrent() default 8;

    @AttributeDefinition(name = "Link checks at once per server",
            description = "Link checks running at the same time against one host name, so no server is flooded")
    int links_per_host() default 2;

    @AttributeDefinition(name = "Link checks per day",
            description = "Link checks (one per address, its redirects included) a community may make per day, all runs"
                    + " together; the links left over are not checked, the run says so, the next day's run checks them")
    int links_daily_budget() default 5000;

    @AttributeDefinition(name = "Weight of a critical finding", description = "Score points taken off per critical finding")
    double weight_critical() default 30;

    @AttributeDefinition(name = "Weight of a major finding", description = "Score points taken off per major finding")
    double weight_major() default 15;

    @AttributeDefinition(name = "Weight of a minor finding", description = "Score points taken off per minor finding")
    double weight_minor() default 5;

    @AttributeDefinition(name = "Largest PDF checked, MB",
            description = "Largest uploaded PDF read for the text-layer (scan) check; larger files are not judged")
    int pdf_max_size_mb() default 50;

    @AttributeDefinition(name = "Runs kept",
            description = "Finished runs kept in the history (0 = all); runs quoted by an official request are always kept")
    int runs_kept() default 0;

    @AttributeDefinition(name = "Answer deadline, working days",
            description = "Working days a data manager has to answer an official request, counted from the day after it"
                    + " is sent, when the request gives no date of its own")
    int requests_answer_working_days() default 5;

    @AttributeDefinition(name = "Holidays", description = "Days off besides weekends, yyyy-MM-dd, comma-separated")
    String[] holidays() default {};

    @AttributeDefinition(name = "Largest answer file, MB",
            description = "Largest file of an answer to an official request (PDF, DOCX, PNG or JPEG, judged by its content)")
    int requests_answer_max_mb() default 10;
}
