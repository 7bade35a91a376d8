package ua.hromada.oks.adminui.notices;

import ua.hromada.oks.api.MailNotices;

/**
 * What the admin views say about e-mail notices. No {@link MailNotices} service means the notify
 * bundle is not running, which for the organisations is the same as notices being off.
 */
public enum Notices {
    ON, DISABLED, INCOMPLETE, NOT_RUNNING;

    public static Notices of(MailNotices service) {
        if (service == null) {
            return NOT_RUNNING;
        }
        return switch (service.state()) {
            case ON -> ON;
            case DISABLED -> DISABLED;
            case INCOMPLETE -> INCOMPLETE;
        };
    }

    public boolean on() {
        return this == ON;
    }

    /** The explanation on the dashboard: {@code oks.adminui.notices.<STATE>}. */
    public String messageKey() {
        return "oks.adminui.notices." + name();
    }

    /** The e-mail field's helper text in the organisation form: a promise only while notices go out. */
    public String emailHelpKey() {
        return on() ? "oks.adminui.executors.emailHelp" : "oks.adminui.executors.emailHelpOff";
    }
}
