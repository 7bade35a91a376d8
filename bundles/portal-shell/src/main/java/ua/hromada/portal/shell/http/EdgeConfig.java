package ua.hromada.portal.shell.http;

/**
 * The HTTP-edge settings in {@code etc/ua.hromada.portal.cfg} (the shell's settings file; the
 * community settings there are read by PortalSettingsImpl).
 */
public @interface EdgeConfig {

    /** Address the portal is reached at; its origin counts as the portal's own in the CSRF check. */
    String public_url() default "http://127.0.0.1:8181/";

    /** Content-Security-Policy of every response; empty = the built-in policy. */
    String security_csp() default "";

    /**
     * Minutes a session without a signed-in user lives without requests (an open page sends a
     * heartbeat every minute); sign-in raises it to org.apache.felix.http.session.timeout.
     */
    int session_anonymous_timeout_minutes() default 10;
}
