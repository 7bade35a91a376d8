package ua.hromada.opendata.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import ua.hromada.opendata.api.Severity;
import ua.hromada.opendata.api.UpdateFrequency;

/** Every message key the service uses exists in Ukrainian and English; the national wording of frequencies. */
class MessagesTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/i18n/" + name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void ukrainianAndEnglishHaveTheSameKeys() throws IOException {
        assertEquals(new TreeSet<>(load("opendata.properties").stringPropertyNames()),
                new TreeSet<>(load("opendata_en.properties").stringPropertyNames()));
    }

    @Test
    void everyKeyInTheSourcesIsTranslated() throws IOException {
        Properties uk = load("opendata.properties");
        Set<String> used = new TreeSet<>();
        Pattern key = Pattern.compile("\"(opendata\\.(error|import)\\.[A-Za-z.]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
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
