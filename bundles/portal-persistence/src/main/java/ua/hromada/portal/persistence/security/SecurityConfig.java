package ua.hromada.portal.persistence.security;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code ua.hromada.portal.security} (etc/ua.hromada.portal.security.cfg). */
@ObjectClassDefinition(id = UserAccountsImpl.PID, name = "Hromada portal security",
        description = "First administrator, password policy, sign-in throttling and lockout")
public @interface SecurityConfig {

    @AttributeDefinition(name = "First administrator's username",
            description = "Created on the very first start of an empty database")
    String admin_username() default "admin";

    @AttributeDefinition(name = "First administrator's bootstrap password", type = AttributeType.PASSWORD,
            description = "Used once, to create the first administrator, who must replace it at the first"
                    + " sign-in; ignored for good afterwards")
    String admin_password() default "admin";

    @AttributeDefinition(name = "Failed sign-ins before the account's soft lock", min = "1")
    int lockout_maxAttempts() default 10;

    @AttributeDefinition(name = "Soft lock duration, minutes", min = "1")
    int lockout_minutes() default 15;

    @AttributeDefinition(name = "Failed sign-ins from one client address before delays start", min = "1")
    int throttle_freeAttempts() default 5;

    @AttributeDefinition(name = "First delay, seconds (doubles with each further failure)", min = "1")
    int throttle_delaySeconds() default 2;

    @AttributeDefinition(name = "Longest delay, seconds", min = "1")
    int throttle_maxDelaySeconds() default 600;

    @AttributeDefinition(name = "Minutes after the last failure when a client's failures are forgotten", min = "1")
    int throttle_forgetMinutes() default 60;

    @AttributeDefinition(name = "Client addresses tracked at most (oldest forgotten first)", min = "100")
    int throttle_maxClients() default 10000;

    @AttributeDefinition(name = "Days a device that signed in stays known", min = "1")
    int devices_days() default 90;

    @AttributeDefinition(name = "Wrong passwords on a known device before it is forgotten", min = "1")
    int devices_maxFailures() default 3;

    @AttributeDefinition(name = "Minimum password length", min = "1")
    int password_minLength() default 8;

    @AttributeDefinition(name = "bcrypt cost (4-31)", min = "4", max = "31")
    int bcrypt_cost() default 10;
}
