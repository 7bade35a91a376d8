package ua.hromada.crm.service.cases;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The cases' settings, PID {@code ua.hromada.crm} (etc/ua.hromada.crm.cfg; other parts add keys of their own). */
@ObjectClassDefinition(id = CasesConfig.PID, name = "Hromada ЦНАП CRM: cases",
        description = "Holidays for working-day deadlines, scan limits, reminders before deadlines, the centre on the receipt")
public @interface CasesConfig {
    String PID = "ua.hromada.crm";

    @AttributeDefinition(name = "Holidays", description = "Days off besides weekends, yyyy-MM-dd, comma-separated")
    String[] holidays() default {};

    @AttributeDefinition(name = "Scan size (MB)", description = "Largest scan accepted (JPEG, PNG, PDF by content)")
    int scan_max_mb() default 10;

    @AttributeDefinition(name = "Scans per document", description = "How many scans one checklist line may carry")
    int scan_max_per_document() default 10;

    @AttributeDefinition(name = "Reminder (working days)", description = "Remind this many working days before the deadline; 0 = never")
    int reminder_days() default 2;

    @AttributeDefinition(name = "Reminder check (minutes)", description = "How often the reminders are looked for; 0 = no schedule")
    int reminder_interval_minutes() default 60;

    @AttributeDefinition(name = "Centre name", description = "As the receipt prints it; empty = the community's name")
    String centre_name() default "";

    @AttributeDefinition(name = "Centre contacts", description = "Address, phone and hours where the result is given")
    String centre_contacts() default "";
}
