package ua.hromada.portal.persistence.security;

import ua.hromada.portal.api.jdbc.EditConflictException;
import ua.hromada.portal.api.security.AccountException;

/** A transaction's result or the refusal to throw once the transaction has ended. */
record Outcome<T>(T value, String refusalKey, String detail) {
    private static final String CONFLICT = EditConflictException.MESSAGE_KEY;

    static <T> Outcome<T> ok(T value) {
        return new Outcome<>(value, null, null);
    }

    static <T> Outcome<T> refuse(String key, String detail) {
        return new Outcome<>(null, key, detail);
    }

    /** The record changed since the form loaded it: nothing of this transaction was changed. */
    static <T> Outcome<T> conflict(String entity, Object id) {
        return new Outcome<>(null, CONFLICT, entity + " " + id);
    }

    T get() {
        if (CONFLICT.equals(refusalKey)) {
            int space = detail.indexOf(' ');
            throw new EditConflictException(detail.substring(0, space), detail.substring(space + 1));
        }
        if (refusalKey != null) {
            throw new AccountException(refusalKey, detail);
        }
        return value;
    }
}
