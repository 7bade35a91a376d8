package ua.hromada.opendata.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the open data registry (etc/ua.hromada.opendata.cfg). */
@ObjectClassDefinition(name = "Hromada open data registry", description = "Resource storage, uploads, live datasets")
public @interface OpendataConfig {
    String PID = "ua.hromada.opendata";

    @AttributeDefinition(name = "Where uploaded files are kept: 'database' or a folder path")
    String resource_storage() default "database";

    @AttributeDefinition(name = "Largest uploaded file, MB")
    int upload_max_size_mb() default 100;

    @AttributeDefinition(name = "Largest registry import file (CSV/XLSX), MB",
            description = "Every row of an import is held for its preview: keep this small")
    int import_max_size_mb() default 20;

    @AttributeDefinition(name = "Minutes between refreshes of datasets other modules produce")
    int provider_refresh_minutes() default 60;

    @AttributeDefinition(name = "Data manager of datasets other modules produce (created if missing)")
    String provider_manager_name() default "Виконавчий комітет міської ради";

    @AttributeDefinition(name = "ЄДРПОУ of that data manager (empty: none)")
    String provider_manager_edrpou() default "";

    @AttributeDefinition(name = "Publish a dataset another module produces when it is first registered")
    boolean provider_publish() default true;

    @AttributeDefinition(name = "Time zone of the dates in passports")
    String time_zone() default "Europe/Kyiv";
}
