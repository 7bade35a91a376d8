package ua.hromada.gis.exchange;

import java.util.List;

/**
 * A problem with a file or a row: a key of the bundle's messages ({@code i18n/gis-exchange}, also
 * registered as a portal MessageBundle) and its arguments ({0}, {1}, ... of the message).
 */
public record ExchangeMessage(String key, List<String> args) {
    public ExchangeMessage {
        args = List.copyOf(args);
    }

    public static ExchangeMessage of(String key, Object... args) {
        return new ExchangeMessage(key, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
}
