package ua.hromada.portal.shell.core;

import ua.hromada.portal.api.PortalException;

/** A change of the portal's modules refused to the signed-in user ({@link ModuleChangeRule}). */
public class ModuleRightsException extends PortalException {

    private static final long serialVersionUID = 1L;

    public ModuleRightsException(String messageKey) {
        super(Reason.FORBIDDEN, messageKey);
    }
}
