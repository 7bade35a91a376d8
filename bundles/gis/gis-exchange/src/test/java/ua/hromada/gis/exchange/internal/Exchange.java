package ua.hromada.gis.exchange.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

import ua.hromada.gis.exchange.ExchangeMessage;
import ua.hromada.gis.exchange.GisExchange;
import ua.hromada.gis.exchange.ImportFormat;
import ua.hromada.gis.exchange.ImportOptions;
import ua.hromada.gis.exchange.ImportedDataset;

/** The service as the portal builds it (the process's PATH for ogr2ogr), and helpers to read test files. */
final class Exchange {
    static final Limits LIMITS = new Limits(10L << 20, 50L << 20, 1000, Duration.ofSeconds(60));
    static final Charset CP1251 = Charset.forName("windows-1251");

    private Exchange() {
    }

    static GisExchange service() {
        return new GisExchangeService(LIMITS, Tools.fromEnvironment(""));
    }

    static ImportedDataset read(ImportFormat format, byte[] bytes, ImportOptions options) {
        return service().read(format, new ByteArrayInputStream(bytes), options);
    }

    static ImportedDataset read(ImportFormat format, String text) {
        return read(format, text.getBytes(StandardCharsets.UTF_8), ImportOptions.detect());
    }

    /** The keys of a dataset's file errors. */
    static List<String> fileErrors(ImportedDataset d) {
        return d.fileErrors().stream().map(ExchangeMessage::key).toList();
    }

    static List<String> rowErrors(ImportedDataset d, int index) {
        return d.rows().get(index).errors().stream().map(ExchangeMessage::key).toList();
    }

    /** Every message key the readers produced has a Ukrainian and an English text. */
    static void assertTexts(ImportedDataset d) {
        List<ExchangeMessage> all = new java.util.ArrayList<>(d.fileErrors());
        d.rows().forEach(r -> all.addAll(r.errors()));
        for (Locale locale : List.of(Locale.ROOT, Locale.ENGLISH)) {
            ResourceBundle texts = ResourceBundle.getBundle("i18n.gis-exchange", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            for (ExchangeMessage m : all) {
                String text = new java.text.MessageFormat(texts.getString(m.key()), locale).format(m.args().toArray());
                assertEquals(false, text.contains("{"), text);
            }
        }
    }

    static String keys(ImportedDataset d) {
        return d.rows().stream().map(r -> r.number() + ":" + r.errors().stream().map(ExchangeMessage::key)
                .collect(Collectors.joining(","))).collect(Collectors.joining(" | "));
    }
}
