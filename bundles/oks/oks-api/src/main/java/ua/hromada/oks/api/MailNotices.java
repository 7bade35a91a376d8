package ua.hromada.oks.api;

/**
 * Whether executor organisations are e-mailed when a case is sent or redirected to them (bundle
 * oks-notify, {@code etc/ua.hromada.oks.mail.cfg}). Views that promise or explain notices ask this
 * service; when it is not registered (the bundle is not running) no notices go out either.
 */
@org.osgi.annotation.versioning.ProviderType
public interface MailNotices {

    enum State {
        /** Notices are sent. */
        ON,
        /** {@code enabled = false} (as shipped): nothing is sent. */
        DISABLED,
        /** Enabled, but the server or the sender address is not set: nothing can be sent. */
        INCOMPLETE
    }

    State state();
}
