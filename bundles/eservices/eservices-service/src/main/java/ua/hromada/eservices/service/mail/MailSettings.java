package ua.hromada.eservices.service.mail;

import java.util.Locale;
import java.util.Properties;

import ua.hromada.portal.api.community.Community;

/** The SMTP settings in force, read once from {@link MailConfig}; a community may have its own sender. */
public record MailSettings(boolean enabled, String host, int port, String from, String username, String password,
        String security, int connectTimeoutMs, int timeoutMs, int attempts, long retryDelayMs) {

    public MailSettings {
        host = host == null ? "" : host.strip();
        from = from == null ? "" : from.strip();
        username = username == null ? "" : username.strip();
        password = password == null ? "" : password;
        security = security == null || security.isBlank() ? "none" : security.strip().toLowerCase(Locale.ROOT);
        if (!security.equals("none") && !security.equals("starttls") && !security.equals("ssl")) {
            throw new IllegalArgumentException("security must be none, starttls or ssl, not '" + security + "'");
        }
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
        if (host.isEmpty()) {
            return "host";
        }
        if (from.isEmpty()) {
            return "from";
        }
        return port <= 0 || port > 65535 ? "port" : null;
    }

    Properties sessionProperties() {
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", host);
        p.setProperty("mail.smtp.port", Integer.toString(port));
        p.setProperty("mail.smtp.connectiontimeout", Integer.toString(connectTimeoutMs));
        p.setProperty("mail.smtp.timeout", Integer.toString(timeoutMs));
        p.setProperty("mail.smtp.writetimeout", Integer.toString(timeoutMs));
        p.setProperty("mail.smtp.auth", Boolean.toString(!username.isEmpty()));
        if (security.equals("starttls")) {
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
        }
        if (security.equals("ssl")) {
            p.setProperty("mail.smtp.ssl.enable", "true");
        }
        if (!security.equals("none")) {
            p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        }
        return p;
    }

    @Override
    public String toString() { // never the password in a log line
        return "MailSettings[enabled=" + enabled + ", host=" + host + ", port=" + port + ", from=" + from
                + ", username=" + username + ", security=" + security + ", attempts=" + attempts + "]";
    }
}
