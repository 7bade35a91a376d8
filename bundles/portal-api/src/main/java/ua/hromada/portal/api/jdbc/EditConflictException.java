package ua.hromada.portal.api.jdbc;

/**
 * A save refused because someone else changed (or removed) the record after this form loaded it.
 * Views show it with {@code ua.hromada.portal.ui.support.EditConflicts} (the message and a "reload"
 * action); HTTP APIs answer 409 with {@link #MESSAGE_KEY} as the error code.
 */
public class EditConflictException extends RuntimeException {

    /** Resource-bundle key (portal-ui's bundle) of the message a person is shown. */
    public static final String MESSAGE_KEY = "edit.conflict";

    private final String entity;
    private final Object id;

    public EditConflictException(String entity, Object id) {
        super(entity + " " + id + " was changed by someone else since it was loaded");
        this.entity = entity;
        this.id = id;
    }

    /** The record's kind in code words, e.g. {@code "docsearch.act"} (the table). */
    public String entity() {
        return entity;
    }

    public Object id() {
        return id;
    }
}
