package ua.hromada.opendata.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import ua.hromada.opendata.api.Severity;
import ua.hromada.opendata.api.UpdateFrequency;
import ua.hromada.portal.testing.BundleTexts;

/** Every message key the service uses exists in Ukrainian and English; the national wording of frequencies. */
class MessagesTest {

    private static Properties load(String name) throws IOException {
        return BundleTexts.load(MessagesTest.class, "/i18n/" + name);
    }

    @Test
    void ukrainianAndEnglishHaveTheSameKeys() throws IOException {
        assertEquals(new TreeSet<>(load("opendata.properties").stringPropertyNames()),
                new TreeSet<>(load("opendata_en.properties").stringPropertyNames()));
    }

    @Test
    void everyKeyInTheSourcesIsTranslated() throws IOException {
        Properties uk = load("opendata.properties");
        Pattern key = Pattern.compile("\"(opendata\\.(error|import)\\.[A-Za-z.]+)\"");
        Set<String> used = new TreeSet<>(BundleTexts.keysUsed(Path.of("src/main/java"), key));
        assertTrue(used.size() > 30, used.toString());
        for (String k : used) {
            assertTrue(uk.containsKey(k), "missing text for " + k);
        }
        for (UpdateFrequency f : UpdateFrequency.values()) {
            assertEquals(f.label(), uk.getProperty(f.messageKey()), "national wording of " + f);
        }
        for (Severity s : Severity.values()) {
            assertTrue(uk.containsKey(s.messageKey()));
        }
        assertTrue(new OpendataMessages().message("opendata.error.forbidden", Locale.ENGLISH).orElseThrow().startsWith("You"));
        assertTrue(new OpendataMessages().message("opendata.error.forbidden", Locale.forLanguageTag("uk")).orElseThrow()
                .startsWith("Недостатньо"));
    }

    @Test
    void permissionsAreDeclared() {
        OpendataPermissionSet set = new OpendataPermissionSet();
        assertEquals("opendata", set.module());
        assertEquals(Set.of("opendata.view", "opendata.edit", "opendata.audit"),
                Set.copyOf(set.permissions().stream().map(p -> p.key()).toList()));
    }
}
