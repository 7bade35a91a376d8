package ua.hromada.oks.api;

import ua.hromada.portal.api.PortalException;

/**
 * A refused request: bad input or a transition the workflow or the user's role does not allow.
 * The message key and arguments come from the module's resource bundle, so the UI and the APIs
 * show the same plain-Ukrainian reason.
 */
public class OksException extends PortalException {

    public OksException(Reason reason, String messageKey, Object... args) {
        super(reason, messageKey, args);
    }
}
