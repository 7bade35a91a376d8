package ua.hromada.portal.ui.map.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@code ua.hromada.portal.map} (etc/ua.hromada.portal.map.cfg). Numbers are read
 * as text so that a typo is logged with its key and replaced by the default instead of failing the
 * component: a wrong value never takes the maps of every module down.
 */
@ObjectClassDefinition(id = MapConfig.PID, name = "Hromada portal map",
        description = "The community's base map: tile server, initial view and the area maps can be panned within")
public @interface MapConfig {

    String PID = "ua.hromada.portal.map";

    @AttributeDefinition(name = "Tile URL", description = "An http(s) URL or a path with {z}, {x} and {y}"
            + " ({s} for subdomains); empty = OpenStreetMap")
    String tile_url() default "";

    @AttributeDefinition(name = "Attribution", description = "The attribution the tile server requires;"
            + " empty = OpenStreetMap's")
    String attribution() default "";

    @AttributeDefinition(name = "Centre latitude", description = "WGS 84 degrees, -90 to 90; empty = the centre of Ukraine")
    String center_lat() default "";

    @AttributeDefinition(name = "Centre longitude", description = "WGS 84 degrees, -180 to 180; empty = the centre of Ukraine")
    String center_lon() default "";

    @AttributeDefinition(name = "Initial zoom", description = "0 (world) to maxZoom; empty = 6")
    String zoom() default "";

    @AttributeDefinition(name = "Maximum zoom", description = "1 to 22; empty = 19")
    String maxZoom() default "";

    @AttributeDefinition(name = "Bounds", description = "south,west,north,east in degrees: the area every map can be"
            + " panned within; it must contain the centre; empty = the whole world")
    String bounds() default "";
}
