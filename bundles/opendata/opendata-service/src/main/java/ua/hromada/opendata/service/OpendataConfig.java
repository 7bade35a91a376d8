package ua.hromada.opendata.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings of the open data registry (etc/ua.hromada.opendata.cfg). The time zone of passport
 * dates is the community's (PortalSettings), not a setting of its own.
 */
@ObjectClassDefinition(id = OpendataConfig.PID, name = "Hromada open data registry",
        description = "Resource storage, uploads, live datasets")
public @interface OpendataConfig {
    String PID = "ua.hromada.opendata";

    @AttributeDefinition(name = "Resource storage",
            description = "Where uploaded files are kept: 'database' (table opendata.resource_content) or a folder path")
    String resource_storage() default "database";

    @AttributeDefinition(name = "Largest uploaded file, MB",
            description = "Uploads are cut off on the server at this size")
    int upload_max_size_mb() default 100;

    @AttributeDefinition(name = "Largest registry import file (CSV/XLSX), MB",
            description = "Every row of an import is held for its preview: keep this small")
    int import_max_size_mb() default 20;

    @AttributeDefinition(name = "Refresh of live datasets, minutes",
            description = "Minutes between refreshes of the files of datasets other modules produce")
    int provider_refresh_minutes() default 60;

    @AttributeDefinition(name = "Data manager of live datasets",
            description = "Data manager of datasets other modules produce (created if missing)")
    String provider_manager_name() default "Виконавчий комітет міської ради";

    @AttributeDefinition(name = "ЄДРПОУ of that data manager",
            description = "8 digits with a valid check digit; empty: none")
    String provider_manager_edrpou() default "";

    @AttributeDefinition(name = "Publish live datasets",
            description = "Publish a dataset another module produces when it is first registered (else a steward does)")
    boolean provider_publish() default true;
}
