package ua.hromada.docsearch.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the document search service, PID {@code ua.hromada.docsearch} (etc/ua.hromada.docsearch.cfg). */
@ObjectClassDefinition(id = DocsearchConfig.PID, name = "Hromada document search")
public @interface DocsearchConfig {
    String PID = "ua.hromada.docsearch";

    @AttributeDefinition(name = "Index folder",
            description = "Lucene index folder; empty = ${karaf.data}/docsearch-index. Derived data: rebuilt from PostgreSQL when missing.")
    String index_dir() default "";

    @AttributeDefinition(name = "Largest file (MB)", description = "Files above this size are refused")
    int max_file_size_mb() default 20;
}
