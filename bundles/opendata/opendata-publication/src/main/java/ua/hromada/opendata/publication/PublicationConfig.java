package ua.hromada.opendata.publication;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the publication (etc/ua.hromada.opendata.publication.cfg). */
@ObjectClassDefinition(id = PublicationConfig.PID, name = "Hromada open data publication",
        description = "Catalogue texts, publisher, licence and addresses of the CKAN API and the DCAT-AP catalogue")
public @interface PublicationConfig {
    String PID = "ua.hromada.opendata.publication";

    @AttributeDefinition(name = "Title of the catalogue", description = "DCAT dct:title, CKAN status_show")
    String catalog_title() default "Відкриті дані громади";

    @AttributeDefinition(name = "Description of the catalogue", description = "DCAT dct:description")
    String catalog_description() default "Набори відкритих даних, які оприлюднюють розпорядники інформації громади";

    @AttributeDefinition(name = "Publisher", description = "Publisher of the catalogue, a foaf:Agent (empty: the community name of the portal)")
    String publisher_name() default "";

    @AttributeDefinition(name = "Publisher URI", description = "URI identifying the publisher (empty: the base URL)")
    String publisher_uri() default "";

    @AttributeDefinition(name = "Contact e-mail", description = "E-mail of the catalogue's contact point (empty: none)")
    String publisher_email() default "";

    @AttributeDefinition(name = "Base URL", description = "Address of the portal in published links (empty: public.url of the portal)")
    String base_url() default "";

    @AttributeDefinition(name = "Licence id", description = "CKAN license_id of the published data (the national rules: CC BY 4.0)")
    String license_id() default "CC-BY-4.0";

    @AttributeDefinition(name = "Licence title", description = "Title of that licence")
    String license_title() default "Creative Commons Attribution 4.0 International";

    @AttributeDefinition(name = "Licence URI", description = "URI of that licence")
    String license_uri() default "https://creativecommons.org/licenses/by/4.0/";

    @AttributeDefinition(name = "Language", description = "Language of the catalogue and of datasets whose passport names none (ISO 639-1)")
    String language() default "uk";

    @AttributeDefinition(name = "Cache age, seconds", description = "Longest time a copy of the published registry is "
            + "served (changes made through the registry service drop it at once)")
    int cache_max_age_seconds() default 60;

    @AttributeDefinition(name = "Search answers cached", description = "package_search answers kept in memory per copy "
            + "of the registry (0: none); harvesters and the public page repeat the same queries")
    int search_cache_entries() default 512;
}
