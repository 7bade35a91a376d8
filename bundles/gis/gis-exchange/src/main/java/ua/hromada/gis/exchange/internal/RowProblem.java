package ua.hromada.gis.exchange.internal;

import ua.hromada.gis.exchange.ExchangeMessage;

/** A row that cannot be used as it is; the reader records it in the row's errors and goes on. */
final class RowProblem extends RuntimeException {
    private final transient ExchangeMessage error;

    RowProblem(String key, Object... args) {
        super(key, null, false, false);
        this.error = ExchangeMessage.of(key, args);
    }

    ExchangeMessage error() {
        return error;
    }
}
