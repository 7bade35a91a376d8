package ua.hromada.docsearch.api;

import ua.hromada.portal.api.PortalException;

/**
 * A refusal of the document search module: bad input ({@link ValidationException}), an act already
 * registered ({@link DuplicateActException}) or a user without the right
 * ({@link DocsearchPermissions}). The message key and arguments come from the module's resource
 * bundle; edges map {@link #reason()} to the HTTP status or the field message.
 */
public class DocsearchException extends PortalException {

    private static final long serialVersionUID = 1L;
    /** Resource key of a refusal for a missing right. */
    public static final String FORBIDDEN_KEY = "docsearch.error.forbidden";

    public DocsearchException(Reason reason, String messageKey, Object... args) {
        super(reason, messageKey, args);
    }

    /** The user may not do this (no {@link DocsearchPermissions#EDIT}, or nobody signed in). */
    public static DocsearchException forbidden() {
        return new DocsearchException(Reason.FORBIDDEN, FORBIDDEN_KEY);
    }
}
