package ua.hromada.portal.api.mail;

import java.util.Locale;
import java.util.Properties;

/**
 * The SMTP rules every module's mail configuration follows (the keys {@code host}, {@code port},
 * {@code from}, {@code username}, {@code security}, the timeouts): written once, so that OKS's
 * notices and the e-services' letters reach a server the same way.
 */
public final class Smtp {

    /** How the connection to the server is protected: the configuration's {@code none}, {@code starttls}, {@code ssl}. */
    public enum Security {
        NONE, STARTTLS, SSL;

        /**
         * The mode a configuration names, in any case; blank is {@link #NONE}.
         *
         * @throws IllegalArgumentException for any other value, naming it
         */
        public static Security of(String value) {
            if (value == null || value.isBlank()) {
                return NONE;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("security must be none, starttls or ssl, not '" + value + "'", e);
            }
        }
    }

    private Smtp() {
    }

    /** The key a configuration still lacks for sending ({@code host}, then {@code from}, then {@code port}), or null. */
    public static String incomplete(String host, String from, int port) {
        if (host == null || host.isBlank()) {
            return "host";
        }
        if (from == null || from.isBlank()) {
            return "from";
        }
        return port <= 0 || port > 65535 ? "port" : null;
    }

    /**
     * Jakarta Mail session properties for the server (protocol {@code smtp}; SSL and STARTTLS are
     * switched on by property, and either checks the server's name against its certificate).
     */
    public static Properties sessionProperties(String host, int port, int connectTimeoutMs, int timeoutMs,
            boolean authenticated, Security security) {
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", host);
        p.setProperty("mail.smtp.port", Integer.toString(port));
        p.setProperty("mail.smtp.connectiontimeout", Integer.toString(connectTimeoutMs));
        p.setProperty("mail.smtp.timeout", Integer.toString(timeoutMs));
        p.setProperty("mail.smtp.writetimeout", Integer.toString(timeoutMs));
        p.setProperty("mail.smtp.auth", Boolean.toString(authenticated));
        switch (security) {
            case STARTTLS -> {
                p.setProperty("mail.smtp.starttls.enable", "true");
                p.setProperty("mail.smtp.starttls.required", "true");
            }
            case SSL -> p.setProperty("mail.smtp.ssl.enable", "true");
            case NONE -> {
            }
        }
        if (security != Security.NONE) {
            p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        }
        return p;
    }
}
