package ua.hromada.opendata.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings of the connection to CKAN portals and of every address open data fetches (etc/
 * ua.hromada.opendata.ckan.cfg). A community's overlay ({@code ua.hromada.opendata.ckan/api.key})
 * gives it its own publisher's key.
 */
@ObjectClassDefinition(id = CkanConfig.PID, name = "Hromada open data: CKAN and outbound addresses",
        description = "The publisher's CKAN API key and the networks open data may fetch from besides public addresses")
public @interface CkanConfig {
    String PID = "ua.hromada.opendata.ckan";

    @AttributeDefinition(name = "Publisher's CKAN API key", type = AttributeType.PASSWORD, required = false,
            description = "API key (token) of the publisher's account on the CKAN portal; empty: publishing is off."
                    + " A community sets its own in its overlay (api.key)")
    String api_key() default "";

    @AttributeDefinition(name = "Allowed networks", required = false,
            description = "Addresses or CIDR networks fetched from even when not public (e.g. the council's own"
                    + " portal at 10.0.0.5); every other non-public address is refused, after each redirect too")
    String[] allowed_networks() default {};

    @AttributeDefinition(name = "Timeout, seconds", description = "Connect and answer timeout of one CKAN call")
    int timeout_seconds() default 30;
}
