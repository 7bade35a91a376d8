package ua.hromada.eservices.service.appeals;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** E-appeals settings, PID {@code ua.hromada.eservices} (etc/ua.hromada.eservices.cfg). */
@ObjectClassDefinition(id = EservicesConfig.PID, name = "Hromada e-services",
        description = "E-appeals: holidays for working-day deadlines, the public form's limits and anti-spam, the cabinet")
public @interface EservicesConfig {
    String PID = "ua.hromada.eservices";

    @AttributeDefinition(name = "Holidays", description = "Days off besides weekends, yyyy-MM-dd, comma-separated")
    String[] holidays() default {};

    @AttributeDefinition(name = "Files per appeal", description = "How many files one appeal may carry")
    int appeal_max_files() default 5;

    @AttributeDefinition(name = "File size (MB)", description = "Largest file accepted")
    int appeal_max_file_mb() default 10;

    @AttributeDefinition(name = "File types", description = "Accepted kinds, checked by content: JPEG, PNG, PDF")
    String[] appeal_file_types() default {"JPEG", "PNG", "PDF"};

    @AttributeDefinition(name = "Text length", description = "Longest appeal text in characters")
    int appeal_max_text() default 5000;

    @AttributeDefinition(name = "Appeals per address and hour", description = "Submissions from one client address in a sliding hour")
    int rate_per_address() default 5;

    @AttributeDefinition(name = "Appeals per e-mail and hour", description = "Submissions and cabinet links for one e-mail in a sliding hour")
    int rate_per_email() default 3;

    @AttributeDefinition(name = "Forms per address and hour", description = "Forms opened from one client address in a sliding hour")
    int rate_forms_per_address() default 60;

    @AttributeDefinition(name = "Form minimum (s)", description = "A form sent sooner after it was opened is refused")
    int form_min_seconds() default 3;

    @AttributeDefinition(name = "Form maximum (h)", description = "A form older than this is refused (open it again)")
    int form_max_hours() default 12;

    @AttributeDefinition(name = "Cabinet link lifetime (min)", description = "A cabinet link and its session expire after this")
    int cabinet_link_minutes() default 60;

    @AttributeDefinition(name = "Portal URL", description = "Start of the links in e-mails; empty = public.url of ua.hromada.portal.cfg")
    String portal_url() default "";
}
