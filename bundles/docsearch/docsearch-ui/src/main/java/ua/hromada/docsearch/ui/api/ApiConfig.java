package ua.hromada.docsearch.ui.api;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the documents HTTP API, PID {@code ua.hromada.docsearch.api} (etc/ua.hromada.docsearch.api.cfg). */
@ObjectClassDefinition(id = ApiConfig.PID, name = "Hromada documents API",
        description = "POST /api/documents: the API key of systems that add documents, and the upload limits")
public @interface ApiConfig {
    String PID = "ua.hromada.docsearch.api";

    @AttributeDefinition(name = "API key", type = AttributeType.PASSWORD, required = false,
            description = "Secret sent in the X-API-Key header to add documents without a portal session; "
                    + "empty = only a signed-in session with docsearch.edit may add documents")
    String api_key() default "";

    @AttributeDefinition(name = "Largest file part (bytes)", required = false,
            description = "Jetty stops reading a file part above this; the smaller of this and max.file.size.mb "
                    + "of ua.hromada.docsearch wins")
    long osgi_http_whiteboard_servlet_multipart_maxFileSize() default DocumentsApi.MAX_FILE;

    @AttributeDefinition(name = "Largest request (bytes)", required = false,
            description = "A request declaring a larger body is answered 413 before it is read")
    long osgi_http_whiteboard_servlet_multipart_maxRequestSize() default DocumentsApi.MAX_REQUEST;
}
