package ua.hromada.gis.exchange.internal;

import ua.hromada.gis.exchange.ExchangeMessage;

/** A file that cannot be read at all; the service turns it into the dataset's one file error. */
final class ImportFailure extends RuntimeException {
    private final transient ExchangeMessage error;

    ImportFailure(String key, Object... args) {
        super(key, null, false, false);
        this.error = ExchangeMessage.of(key, args);
    }

    ExchangeMessage error() {
        return error;
    }
}
