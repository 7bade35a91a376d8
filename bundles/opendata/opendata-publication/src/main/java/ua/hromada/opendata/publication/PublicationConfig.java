package ua.hromada.opendata.publication;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the publication (etc/ua.hromada.opendata.publication.cfg). */
@ObjectClassDefinition(name = "Hromada open data publication",
        description = "Catalogue texts, publisher, licence and addresses of the CKAN API and the DCAT-AP catalogue")
public @interface PublicationConfig {
    String PID = "ua.hromada.opendata.publication";

    @AttributeDefinition(name = "Title of the catalogue")
    String catalog_title() default "Відкриті дані громади";

    @AttributeDefinition(name = "Description of the catalogue")
    String catalog_description() default "Набори відкритих даних, які оприлюднюють розпорядники інформації громади";

    @AttributeDefinition(name = "Publisher of the catalogue (empty: the community name of the portal)")
    String publisher_name() default "";

    @AttributeDefinition(name = "URI identifying the publisher (empty: the base URL)")
    String publisher_uri() default "";

    @AttributeDefinition(name = "E-mail of the catalogue's contact point (empty: none)")
    String publisher_email() default "";

    @AttributeDefinition(name = "Base URL of the portal in published links (empty: public.url of the portal)")
    String base_url() default "";

    @AttributeDefinition(name = "Licence of the published data: CKAN id, title and URI")
    String license_id() default "CC-BY-4.0";

    String license_title() default "Creative Commons Attribution 4.0 International";

    String license_uri() default "https://creativecommons.org/licenses/by/4.0/";

    @AttributeDefinition(name = "Language of the catalogue and datasets without one (ISO 639-1)")
    String language() default "uk";

    @AttributeDefinition(name = "Longest time a copy of the published registry is served, seconds "
            + "(changes made through the registry service drop it at once)")
    int cache_max_age_seconds() default 60;

    @AttributeDefinition(name = "package_search answers kept in memory per copy of the registry (0: none); "
            + "harvesters and the public page repeat the same queries")
    int search_cache_entries() default 512;
}
