package ua.hromada.opendata.api;

import ua.hromada.portal.api.PortalException;

/**
 * A refused request (bad input, a missing right, an unknown id, a conflict). The message key and
 * arguments come from the module's resource bundle, so views and APIs show the same reason.
 */
public class OpendataException extends PortalException {

    public OpendataException(Reason reason, String messageKey, Object... args) {
        super(reason, messageKey, args);
    }
}
