package ua.hromada.opendata.service;

import ua.hromada.opendata.api.OpendataException;

/** One broken rule: a message key of i18n/opendata with its arguments. */
record Problem(OpendataException.Reason reason, String key, Object... args) {

    static Problem invalid(String key, Object... args) {
        return new Problem(OpendataException.Reason.INVALID, key, args);
    }

    OpendataException exception() {
        return new OpendataException(reason, key, args);
    }
}
