package ua.hromada.portal.persistence.security;

import java.time.Duration;

/** Validated {@link SecurityConfig} values; a plain record so tests need no annotation proxy. */
public record SecuritySettings(String adminUsername, String adminPassword, int maxAttempts,
        Duration lockout, int passwordMinLength, int bcryptCost) {

    public static final String DEFAULT_ADMIN_PASSWORD = "admin";

    public SecuritySettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("lockout.maxAttempts must be >= 1");
        }
        if (lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("lockout.minutes must be >= 1");
        }
        if (passwordMinLength < 1) {
            throw new IllegalArgumentException("password.minLength must be >= 1");
        }
        if (bcryptCost < 4 || bcryptCost > 31) {
            throw new IllegalArgumentException("bcrypt.cost must be 4..31");
        }
    }

    public static SecuritySettings defaults() {
        return new SecuritySettings("admin", DEFAULT_ADMIN_PASSWORD, 5, Duration.ofMinutes(15), 8, 10);
    }

    static SecuritySettings of(SecurityConfig c) {
        return new SecuritySettings(c.admin_username(), c.admin_password(), c.lockout_maxAttempts(),
                Duration.ofMinutes(c.lockout_minutes()), c.password_minLength(), c.bcrypt_cost());
    }
}
