package ua.hromada.gis.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import ua.hromada.portal.testing.BundleTexts;

/** The proxy's errors read in both languages: the same keys in the Ukrainian and the English texts. */
class MessagesTest {

    @Test
    void everyKeyInBothLanguages() throws IOException {
        assertEquals(new TreeSet<>(BundleTexts.load(MessagesTest.class, "/i18n/gis-proxy.properties").stringPropertyNames()),
                new TreeSet<>(BundleTexts.load(MessagesTest.class, "/i18n/gis-proxy_en.properties").stringPropertyNames()));
    }
}
