package ua.hromada.portal.shell.core;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@code ua.hromada.portal} (etc/ua.hromada.portal.cfg): the community's
 * settings, read by {@link PortalSettingsImpl}, and the HTTP edge's, read by the shell's filters.
 */
@ObjectClassDefinition(id = PortalConfig.PID, name = "Hromada portal",
        description = "The community's name, logo, language, address and time zone, and the HTTP edge's settings")
public @interface PortalConfig {

    String PID = "ua.hromada.portal";

    @AttributeDefinition(name = "Community name", description = "Shown in the header, on the sign-in page and in e-mails")
    String community_name() default "Територіальна громада";

    @AttributeDefinition(name = "Community name in English",
            description = "Shown to users who chose English; empty = the community name")
    String community_name_en() default "";

    @AttributeDefinition(name = "Logo", description = "An image file (relative to etc/ or absolute) or an image URL;"
            + " empty = no logo")
    String community_logo() default "";

    @AttributeDefinition(name = "Default language", description = "uk or en: the language of a user who chose none")
    String locale_default() default "uk";

    @AttributeDefinition(name = "Public URL", description = "Address the portal is reached at: links, e-mails,"
            + " secure cookies when https, and the portal's own origin in the CSRF check")
    String public_url() default "http://127.0.0.1:8181/";

    @AttributeDefinition(name = "Time zone", description = "The community's time zone, e.g. Europe/Kyiv: every time"
            + " the portal shows and every \"today\" is in it")
    String time_zone() default PortalSettingsImpl.DEFAULT_ZONE;

    @AttributeDefinition(name = "Content-Security-Policy", description = "Sent with every response;"
            + " empty = the built-in policy")
    String security_csp() default "";

    @AttributeDefinition(name = "Anonymous session timeout, minutes", min = "1", description = "Minutes a session"
            + " without a signed-in user lives without requests (an open page sends a heartbeat every minute);"
            + " sign-in raises it to org.apache.felix.http.session.timeout")
    int session_anonymous_timeout_minutes() default 10;
}
