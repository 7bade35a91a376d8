package ua.hromada.eservices.service.mail;

import java.util.Locale;
import java.util.Properties;

import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.api.mail.Smtp;

/** The SMTP settings in force, read once from {@link MailConfig}; a community may have its own sender. */
public record MailSettings(boolean enabled, String host, int port, String from, String username, String password,
        String security, int connectTimeoutMs, int timeoutMs, int attempts, long retryDelayMs) {

    public MailSettings {
        host = host == null ? "" : host.strip();
        from = from == null ? "" : from.strip();
        username = username == null ? "" : username.strip();
        password = password == null ? "" : password;
        security = Smtp.Security.of(security).name().toLowerCase(Locale.ROOT);
        attempts = Math.max(1, attempts);
        retryDelayMs = Math.max(0, retryDelayMs);
    }

    public static MailSettings of(MailConfig c) {
        return new MailSettings(c.enabled(), c.host(), c.port(), c.from(), c.username(), c._password(), c.security(),
                c.connection_timeout_ms(), c.timeout_ms(), c.attempts(), c.retry_delay_ms());
    }

    /** A plain-SMTP server on this machine (tests, a local relay). */
    public static MailSettings local(int port, String from, int attempts, long retryDelayMs) {
        return new MailSettings(true, "127.0.0.1", port, from, "", "", "none", 2000, 4000, attempts, retryDelayMs);
    }

    /** With the community's own sender where its settings overlay of {@value MailConfig#PID} sets {@code from}. */
    MailSettings of(Community community) {
        String own = community.setting(MailConfig.PID, "from").orElse(from);
        return own.equals(from) ? this
                : new MailSettings(enabled, host, port, own, username, password, security, connectTimeoutMs, timeoutMs,
                        attempts, retryDelayMs);
    }

    /** What is missing for sending, or null when the settings are complete. */
    String incomplete() {
        return Smtp.incomplete(host, from, port);
    }

    Properties sessionProperties() {
        return Smtp.sessionProperties(host, port, connectTimeoutMs, timeoutMs, !username.isEmpty(),
                Smtp.Security.of(security));
    }

    @Override
    public String toString() { // never the password in a log line
        return "MailSettings[enabled=" + enabled + ", host=" + host + ", port=" + port + ", from=" + from
                + ", username=" + username + ", security=" + security + ", attempts=" + attempts + "]";
    }
}
