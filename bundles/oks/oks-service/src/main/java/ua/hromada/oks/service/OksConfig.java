package ua.hromada.oks.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the OKS service (etc/ua.hromada.oks.cfg). */
@ObjectClassDefinition(name = "Hromada OKS", description = "Violations: photos, deadlines, territory")
public @interface OksConfig {
    String PID = "ua.hromada.oks";

    @AttributeDefinition(name = "Largest photo, MB")
    int photo_max_size_mb() default 10;

    @AttributeDefinition(name = "Largest photo, megapixels",
            description = "Read from the image header before decoding: a small file declaring huge dimensions (pixel flood) is refused")
    int photo_max_megapixels() default 40;

    @AttributeDefinition(name = "Default deadline, days")
    int default_deadline_days() default 14;

    @AttributeDefinition(name = "Default deadline of urgent cases, days")
    int urgent_deadline_days() default 1;

    @AttributeDefinition(name = "Territory bounds south,west,north,east (empty: anywhere)")
    String bounds() default "";

    @AttributeDefinition(name = "Time zone of the working day")
    String time_zone() default "Europe/Kyiv";

    @AttributeDefinition(name = "Points drawn one by one before the map aggregates")
    int map_max_points() default 1500;
}
