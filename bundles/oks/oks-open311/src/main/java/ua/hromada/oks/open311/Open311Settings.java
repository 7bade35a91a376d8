package ua.hromada.oks.open311;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The described keys of PID {@code ua.hromada.oks.open311} (etc/ua.hromada.oks.open311.cfg). Besides
 * these, one {@code keywords.<service_code>} key per violation type may be set: their number follows
 * the community's catalogue, which is why {@link Open311Config#from} reads the properties map.
 */
@ObjectClassDefinition(id = Open311Config.PID, name = "Hromada OKS Open311 (GeoReport v2) API",
        description = "API keys, jurisdiction, discovery texts, POST rate limits and media_url fetching of /api/open311/v2")
public @interface Open311Settings {

    @AttributeDefinition(name = "API keys", type = AttributeType.PASSWORD, required = false,
            description = "Comma-separated keys residents' apps send as api_key with a POST, one per app; "
                    + "empty: every POST is refused; weak keys (under 24 characters) are never accepted")
    String apiKeys() default "";

    @AttributeDefinition(name = "Jurisdiction", required = false,
            description = "jurisdiction_id this endpoint serves; another one answers 404; empty: not checked")
    String jurisdictionId() default "";

    @AttributeDefinition(name = "Service group", required = false,
            description = "The group of every service in services.xml; empty: «Благоустрій»")
    String serviceGroup() default "";

    @AttributeDefinition(name = "Discovery: contact", required = false,
            description = "How app developers reach the council (contact of discovery.xml)")
    String discovery_contact() default "";

    @AttributeDefinition(name = "Discovery: how to get a key", required = false,
            description = "How an app gets an API key (key_service of discovery.xml)")
    String discovery_keyService() default "";

    @AttributeDefinition(name = "Discovery: endpoint type", options = {
            @org.osgi.service.metatype.annotations.Option(value = "production"),
            @org.osgi.service.metatype.annotations.Option(value = "test"),
            @org.osgi.service.metatype.annotations.Option(value = "dev") },
            description = "The endpoint's type in discovery.xml")
    String discovery_type() default "production";

    @AttributeDefinition(name = "Discovery: public address", required = false,
            description = "The endpoint's public URL; empty: the portal's public.url followed by /api/open311/v2")
    String discovery_publicUrl() default "";

    @AttributeDefinition(name = "POSTs per client address: burst", min = "0",
            description = "POSTs one client address (an IPv6 /64 counts as one) may make at once")
    int rateLimit_address_burst() default 10;

    @AttributeDefinition(name = "POSTs per client address: per hour", min = "1",
            description = "POSTs one client address may make per hour")
    int rateLimit_address_perHour() default 60;

    @AttributeDefinition(name = "POSTs per API key: burst", min = "0",
            description = "POSTs all the clients of one app may make at once")
    int rateLimit_key_burst() default 200;

    @AttributeDefinition(name = "POSTs per API key: per hour", min = "1",
            description = "POSTs all the clients of one app may make per hour")
    int rateLimit_key_perHour() default 2000;

    @AttributeDefinition(name = "Client addresses kept", min = "1",
            description = "Client addresses the rate limiter remembers at most")
    int rateLimit_maxAddresses() default 10_000;

    @AttributeDefinition(name = "Trusted proxies", required = false,
            description = "Reverse proxies (addresses or CIDR networks) whose X-Forwarded-For is believed")
    String trustedProxies() default "";

    @AttributeDefinition(name = "Fetch media_url", description = "true: a POST's media_url (http/https, a public "
            + "address) is read and stored as the case's photo, without its EXIF/XMP; false (default): it stays a link "
            + "in the description. Either way the link is in the description")
    boolean media_fetch() default false;

    @AttributeDefinition(name = "media_url: largest file, MB", min = "1",
            description = "A larger file is not stored (the OKS photo limit applies as well)")
    int media_maxSizeMb() default 10;

    @AttributeDefinition(name = "media_url: timeout, seconds", min = "1",
            description = "For the whole exchange with the media server, redirects included; the POST waits that long at most")
    int media_timeoutSeconds() default 10;

    @AttributeDefinition(name = "media_url: allowed private networks", required = false,
            description = "Addresses or CIDR networks read from although not public (e.g. the council's own media server); "
                    + "every other loopback, private, link-local or reserved address is refused")
    String media_allowedNetworks() default "";
}
