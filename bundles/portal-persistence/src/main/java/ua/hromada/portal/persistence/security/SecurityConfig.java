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

    @AttributeDefinition(name = "Failed sign-ins before the account's soft lock", min = "1",
            description = "Wrong passwords in a row, from any device not known to the account, before it is locked")
    int lockout_maxAttempts() default 10;

    @AttributeDefinition(name = "Soft lock duration, minutes", min = "1",
            description = "How long a soft-locked account refuses sign-in; an administrator can unlock it sooner")
    int lockout_minutes() default 15;

    @AttributeDefinition(name = "Failed sign-ins from one client address before delays start", min = "1",
            description = "Failures a client address may make before each further attempt waits")
    int throttle_freeAttempts() default 5;

    @AttributeDefinition(name = "First delay, seconds", min = "1",
            description = "The wait after the free attempts; it doubles with each further failure")
    int throttle_delaySeconds() default 2;

    @AttributeDefinition(name = "Longest delay, seconds", min = "1",
            description = "The doubling wait of a client address stops growing here")
    int throttle_maxDelaySeconds() default 600;

    @AttributeDefinition(name = "Client failures forgotten after, minutes", min = "1",
            description = "Minutes after the last failure when a client address's failures are forgotten")
    int throttle_forgetMinutes() default 60;

    @AttributeDefinition(name = "Client addresses tracked at most", min = "100",
            description = "Bounds the throttle's memory; the oldest address is forgotten first")
    int throttle_maxClients() default 10000;

    @AttributeDefinition(name = "Known device lifetime, days", min = "1",
            description = "Days a device that signed in stays known (a known device is not locked out with the account)")
    int devices_days() default 90;

    @AttributeDefinition(name = "Wrong passwords on a known device", min = "1",
            description = "Wrong passwords typed on a known device before it is forgotten")
    int devices_maxFailures() default 3;

    @AttributeDefinition(name = "Minimum password length", min = "1",
            description = "Characters a new password needs at least")
    int password_minLength() default 8;

    @AttributeDefinition(name = "bcrypt cost", min = "4", max = "31",
            description = "4-31: each step doubles the time a password check takes")
    int bcrypt_cost() default 10;
}
