package ua.hromada.gis.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** The proxy's errors read in both languages: the same keys in the Ukrainian and the English texts. */
class MessagesTest {

    @Test
    void everyKeyInBothLanguages() throws IOException {
        assertEquals(new TreeSet<>(load("gis-proxy.properties").stringPropertyNames()),
                new TreeSet<>(load("gis-proxy_en.properties").stringPropertyNames()));
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/i18n/" + name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
