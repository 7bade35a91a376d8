package ua.hromada.portal.persistence.security;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code ua.hromada.portal.security} (etc/ua.hromada.portal.security.cfg). */
@ObjectClassDefinition(id = UserAccountsService.PID, name = "Hromada portal security",
        description = "First administrator, password policy and sign-in lockout")
public @interface SecurityConfig {

    @AttributeDefinition(name = "First administrator's username",
            description = "Created on start when no administrator exists")
    String admin_username() default "admin";

    @AttributeDefinition(name = "First administrator's initial password", type = AttributeType.PASSWORD,
            description = "Used only when the first administrator is created; change it after the first sign-in")
    String admin_password() default "admin";

    @AttributeDefinition(name = "Failed sign-ins before lockout", min = "1")
    int lockout_maxAttempts() default 5;

    @AttributeDefinition(name = "Lockout duration, minutes", min = "1")
    int lockout_minutes() default 15;

    @AttributeDefinition(name = "Minimum password length", min = "1")
    int password_minLength() default 8;

    @AttributeDefinition(name = "bcrypt cost (4-31)", min = "4", max = "31")
    int bcrypt_cost() default 10;
}
