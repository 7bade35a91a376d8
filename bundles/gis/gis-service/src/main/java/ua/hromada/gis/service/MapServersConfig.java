package ua.hromada.gis.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Which map servers the GIS may reach (etc/ua.hromada.gis.mapservers.cfg, optional): the
 * capabilities reader and the image proxy connect to public addresses, and to these networks.
 */
@ObjectClassDefinition(id = MapServersConfig.PID, name = "Hromada GIS map servers",
        description = "Networks of the council's own map servers (WMS, WMTS, tiles) the GIS may connect to besides"
                + " public addresses")
public @interface MapServersConfig {
    String PID = "ua.hromada.gis.mapservers";

    @AttributeDefinition(name = "Allowed networks", required = false,
            description = "Addresses or CIDR networks (comma-separated) of map servers on the council's own network,"
                    + " e.g. 10.0.0.0/24, whose capabilities are read and whose images are proxied; every other"
                    + " private, loopback or link-local address is refused, after each redirect too. Empty: public"
                    + " servers only")
    String[] allowed_networks() default {};
}
