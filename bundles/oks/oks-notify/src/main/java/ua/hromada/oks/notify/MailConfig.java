package ua.hromada.oks.notify;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** SMTP settings of the OKS e-mail notices, PID {@code ua.hromada.oks.mail} (etc/ua.hromada.oks.mail.cfg). */
@ObjectClassDefinition(id = MailConfig.PID, name = "Hromada OKS e-mail",
        description = "E-mail to the executor organisation when a violation is sent or redirected to it")
public @interface MailConfig {
    String PID = "ua.hromada.oks.mail";

    @AttributeDefinition(name = "Enabled", description = "Nothing is sent while false")
    boolean enabled() default false;

    @AttributeDefinition(name = "SMTP host", description = "The mail server's name or address")
    String host() default "";

    @AttributeDefinition(name = "SMTP port", description = "25 plain, 587 STARTTLS, 465 SSL")
    int port() default 25;

    @AttributeDefinition(name = "Sender", description = "From address, e.g. oks@rada.example.gov.ua or \"ОКС <oks@...>\"")
    String from() default "";

    @AttributeDefinition(name = "User name", description = "Empty: the server takes mail without authentication")
    String username() default "";

    /**
     * Key {@code .password}: the leading dot makes it a private property, so Declarative Services
     * does not copy it into the listener's service properties (visible to every bundle and console).
     */
    @AttributeDefinition(name = "Password", description = "Of the user name above; kept out of service properties", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String _password() default "";

    @AttributeDefinition(name = "Security", description = "How the connection to the server is protected", options = {
            @Option(value = "none", label = "None"), @Option(value = "starttls", label = "STARTTLS (required)"),
            @Option(value = "ssl", label = "SSL/TLS from the start") })
    String security() default "none";

    @AttributeDefinition(name = "Connect timeout (ms)", description = "Waiting for the server to answer a connection")
    int connection_timeout_ms() default 10_000;

    @AttributeDefinition(name = "Read/write timeout (ms)", description = "Waiting for the server during a message")
    int timeout_ms() default 20_000;

    @AttributeDefinition(name = "Attempts", description = "How many times one message is tried before giving up")
    int attempts() default 3;

    @AttributeDefinition(name = "Delay between attempts (ms)", description = "After a failed attempt, before the next one")
    int retry_delay_ms() default 60_000;

    @AttributeDefinition(name = "Portal base URL",
            description = "Start of the link to the card; empty = public.url of ua.hromada.portal.cfg")
    String portal_url() default "";
}
