package ua.hromada.eservices.service.mail;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * SMTP settings of the e-services e-mail (applicants and units), PID {@code ua.hromada.eservices.mail}
 * (etc/ua.hromada.eservices.mail.cfg); the same keys as OKS's {@code ua.hromada.oks.mail}.
 */
@ObjectClassDefinition(id = MailConfig.PID, name = "Hromada e-services e-mail",
        description = "E-mail to applicants (registration, executor, answer, cabinet link) and to units")
public @interface MailConfig {
    String PID = "ua.hromada.eservices.mail";

    @AttributeDefinition(name = "Enabled", description = "Nothing is sent while false")
    boolean enabled() default false;

    @AttributeDefinition(name = "SMTP host", description = "The mail server's name or address")
    String host() default "";

    @AttributeDefinition(name = "SMTP port", description = "25 plain, 587 STARTTLS, 465 SSL")
    int port() default 25;

    @AttributeDefinition(name = "Sender", description = "From address, e.g. zvernennia@rada.example.gov.ua or \"Звернення <...>\"")
    String from() default "";

    @AttributeDefinition(name = "User name", description = "Empty: the server takes mail without authentication")
    String username() default "";

    /** Key {@code .password}: a private property, never copied into the service's properties. */
    @AttributeDefinition(name = "Password", description = "Of the user name above; kept out of service properties",
            type = AttributeType.PASSWORD)
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
}
