package ua.hromada.oks.notify;

import java.util.Locale;
import java.util.Properties;

import ua.hromada.portal.api.community.Community;

/** The SMTP settings in force, read once from {@link MailConfig}. */
record MailSettings(boolean enabled, String host, int port, String from, String username, String password,
        Security security, int connectTimeoutMs, int timeoutMs, int attempts, long retryDelayMs, String portalUrl) {

    enum Security {
        NONE, STARTTLS, SSL
    }

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
                security(c.security()), c.connection_timeout_ms(), c.timeout_ms(), c.attempts(), c.retry_delay_ms(),
                c.portal_url());
    }

    static Security security(String value) {
        try {
            return value == null || value.isBlank() ? Security.NONE
                    : Security.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("security must be none, starttls or ssl, not '" + value + "'", e);
        }
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
        if (host.isEmpty()) {
            return "host";
        }
        if (from.isEmpty()) {
            return "from";
        }
        if (port <= 0 || port > 65535) {
            return "port";
        }
        return null;
    }

    /** Jakarta Mail session properties (protocol "smtp"; SSL is switched on by property). */
    Properties sessionProperties() {
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", host);
        p.setProperty("mail.smtp.port", Integer.toString(port));
        p.setProperty("mail.smtp.connectiontimeout", Integer.toString(connectTimeoutMs));
        p.setProperty("mail.smtp.timeout", Integer.toString(timeoutMs));
        p.setProperty("mail.smtp.writetimeout", Integer.toString(timeoutMs));
        p.setProperty("mail.smtp.auth", Boolean.toString(authenticated()));
        switch (security) {
            case STARTTLS -> {
                p.setProperty("mail.smtp.starttls.enable", "true");
                p.setProperty("mail.smtp.starttls.required", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case SSL -> {
                p.setProperty("mail.smtp.ssl.enable", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case NONE -> {
            }
        }
        return p;
    }

    @Override
    public String toString() { // never the password in a log line
        return "MailSettings[enabled=" + enabled + ", host=" + host + ", port=" + port + ", from=" + from
                + ", username=" + username + ", security=" + security + "]";
    }
}
