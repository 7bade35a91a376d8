package ua.hromada.portal.persistence.security;

import java.time.Duration;

/** Validated {@link SecurityConfig} values; a plain record so tests need no annotation proxy. */
public record SecuritySettings(String adminUsername, String adminPassword, int maxAttempts,
        Duration lockout, int passwordMinLength, int bcryptCost, SignInLimits limits) {

    public static final String DEFAULT_ADMIN_PASSWORD = "admin";

    /**
     * Per-client throttling and known devices.
     *
     * @param freeAttempts   failures from one client address before delays start
     * @param delay          the first delay; it doubles with every further failure
     * @param maxDelay       the longest delay
     * @param forget         a client's failures are forgotten this long after its last failure
     * @param maxClients     client addresses tracked at most
     * @param deviceLifetime a device that signed in stays known this long after its last use
     * @param deviceMaxFailures wrong passwords on a known device before it is forgotten
     */
    public record SignInLimits(int freeAttempts, Duration delay, Duration maxDelay, Duration forget,
            int maxClients, Duration deviceLifetime, int deviceMaxFailures) {
        public SignInLimits {
            if (freeAttempts < 1 || maxClients < 1 || deviceMaxFailures < 1) {
                throw new IllegalArgumentException(
                        "throttle.freeAttempts, throttle.maxClients, devices.maxFailures must be >= 1");
            }
            for (Duration d : new Duration[] { delay, maxDelay, forget, deviceLifetime }) {
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("throttle and device durations must be positive");
                }
            }
        }

        public static SignInLimits defaults() {
            return new SignInLimits(5, Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofHours(1), 10_000,
                    Duration.ofDays(90), 3);
        }
    }

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

    public SecuritySettings(String adminUsername, String adminPassword, int maxAttempts, Duration lockout,
            int passwordMinLength, int bcryptCost) {
        this(adminUsername, adminPassword, maxAttempts, lockout, passwordMinLength, bcryptCost,
                SignInLimits.defaults());
    }

    public static SecuritySettings defaults() {
        return new SecuritySettings("admin", DEFAULT_ADMIN_PASSWORD, 10, Duration.ofMinutes(15), 8, 10);
    }

    static SecuritySettings of(SecurityConfig c) {
        return new SecuritySettings(c.admin_username(), c.admin_password(), c.lockout_maxAttempts(),
                Duration.ofMinutes(c.lockout_minutes()), c.password_minLength(), c.bcrypt_cost(),
                new SignInLimits(c.throttle_freeAttempts(), Duration.ofSeconds(c.throttle_delaySeconds()),
                        Duration.ofSeconds(c.throttle_maxDelaySeconds()), Duration.ofMinutes(c.throttle_forgetMinutes()),
                        c.throttle_maxClients(), Duration.ofDays(c.devices_days()), c.devices_maxFailures()));
    }
}
