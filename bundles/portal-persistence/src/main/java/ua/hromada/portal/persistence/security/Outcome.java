package ua.hromada.portal.persistence.security;

import ua.hromada.portal.api.security.AccountException;

/** A transaction's result or the refusal to throw once the transaction has ended. */
record Outcome<T>(T value, String refusalKey, String detail) {

    static <T> Outcome<T> ok(T value) {
        return new Outcome<>(value, null, null);
    }

    static <T> Outcome<T> refuse(String key, String detail) {
        return new Outcome<>(null, key, detail);
    }

    T get() {
        if (refusalKey != null) {
            throw new AccountException(refusalKey, detail);
        }
        return value;
    }
}
