package ua.hromada.oks.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings of the OKS service, PID {@value #PID} (etc/ua.hromada.oks.cfg). The community's time
 * zone is the portal's ({@code time.zone} of ua.hromada.portal.cfg, through PortalSettings).
 */
@ObjectClassDefinition(id = OksConfig.PID, name = "Hromada OKS", description = "Violations: photos, deadlines, territory")
public @interface OksConfig {
    String PID = "ua.hromada.oks";

    @AttributeDefinition(name = "Largest photo, MB",
            description = "JPEG or PNG, checked by content; uploads are cut off on the server at this size")
    int photo_max_size_mb() default 10;

    @AttributeDefinition(name = "Largest photo, megapixels",
            description = "Read from the image header before decoding: a small file declaring huge dimensions (pixel flood) is refused")
    int photo_max_megapixels() default 40;

    @AttributeDefinition(name = "Keep photo originals",
            description = "false (default): a photo is stored only turned upright and re-encoded without EXIF/XMP (no GPS"
                    + " position, no camera); true: the file as received is kept beside it, readable only by OKS users"
                    + " who see the case")
    boolean photo_keep_original() default false;

    @AttributeDefinition(name = "Default deadline, days", description = "When the inspector leaves the deadline empty")
    int default_deadline_days() default 14;

    @AttributeDefinition(name = "Default deadline of urgent cases, days",
            description = "When the inspector leaves the deadline of an urgent case empty")
    int urgent_deadline_days() default 1;

    @AttributeDefinition(name = "Territory bounds",
            description = "south,west,north,east (WGS 84): a violation's point must lie inside; empty: anywhere")
    String bounds() default "";

    @AttributeDefinition(name = "Points drawn one by one",
            description = "Beyond this many points in view the map aggregates them into grid cells on the server")
    int map_max_points() default 1500;
}
