package ua.hromada.oks.notify;

import java.util.Properties;

import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.api.mail.Smtp;

/** The SMTP settings in force, read once from {@link MailConfig}. */
record MailSettings(boolean enabled, String host, int port, String from, String username, String password,
        Smtp.Security security, int connectTimeoutMs, int timeoutMs, int attempts, long retryDelayMs, String portalUrl) {

    MailSettings {
        host = host == null ? "" : host.strip();
        from = from == null ? "" : from.strip();
        username = username == null ? "" : username.strip();
        password = password == null ? "" : password;
        portalUrl = portalUrl == null ? "" : portalUrl.strip();
        attempts = Math.max(1, attempts);
        retryDelayMs = Math.max(0, retryDelayMs);
    }

    static MailSettings of(MailConfig c) {
        return new MailSettings(c.enabled(), c.host(), c.port(), c.from(), c.username(), c._password(),
                Smtp.Security.of(c.security()), c.connection_timeout_ms(), c.timeout_ms(), c.attempts(), c.retry_delay_ms(),
                c.portal_url());
    }

    /**
     * These settings as the community sends: its own sender ({@code from}) and card link base
     * ({@code portal.url}) where its settings overlay of {@value MailConfig#PID} has them; the
     * server and account stay the shared ones.
     */
    MailSettings of(Community community) {
        String ownFrom = community.setting(MailConfig.PID, "from").orElse(from);
        String ownUrl = community.setting(MailConfig.PID, "portal.url").orElse(portalUrl);
        if (ownFrom.equals(from) && ownUrl.equals(portalUrl)) {
            return this;
        }
        return new MailSettings(enabled, host, port, ownFrom, username, password, security, connectTimeoutMs, timeoutMs,
                attempts, retryDelayMs, ownUrl);
    }

    boolean authenticated() {
        return !username.isEmpty();
    }

    /** What is missing for sending, or null when the settings are complete. */
    String incomplete() {
        return Smtp.incomplete(host, from, port);
    }

    Properties sessionProperties() {
        return Smtp.sessionProperties(host, port, connectTimeoutMs, timeoutMs, authenticated(), security);
    }

    @Override
    public String toString() { // never the password in a log line
        return "MailSettings[enabled=" + enabled + ", host=" + host + ", port=" + port + ", from=" + from
                + ", username=" + username + ", security=" + security + "]";
    }
}
