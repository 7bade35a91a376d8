package ua.hromada.eservices.service.catalogue;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the catalogue's link monitor (etc/ua.hromada.eservices.links.cfg). */
@ObjectClassDefinition(id = LinksConfig.PID, name = "Hromada e-services link monitor",
        description = "How often and how the catalogue's service addresses are checked")
public @interface LinksConfig {
    String PID = "ua.hromada.eservices.links";

    @AttributeDefinition(name = "Interval, minutes",
            description = "Minutes between two checks of every service address; 0 turns the schedule off")
    int interval_minutes() default 60;

    @AttributeDefinition(name = "Timeout, seconds",
            description = "Longest wait for one answer (connecting and the answer's head) of one request")
    int timeout_seconds() default 10;

    @AttributeDefinition(name = "Most redirects", description = "Redirects followed before a check fails")
    int max_redirects() default 5;

    @AttributeDefinition(name = "Allowed networks",
            description = "Addresses or CIDR networks checked even though not public (e.g. a council server at"
                    + " 10.0.0.5); a link to any other private, loopback or link-local address is refused unchecked")
    String[] allowed_networks() default {};

    @AttributeDefinition(name = "User agent", description = "The User-Agent header of the monitor's requests")
    String user_agent() default "Hromada-LinkMonitor/1.0 (+e-services catalogue)";
}
