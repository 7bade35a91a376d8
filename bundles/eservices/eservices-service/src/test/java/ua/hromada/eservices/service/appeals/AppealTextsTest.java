package ua.hromada.eservices.service.appeals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import ua.hromada.eservices.api.AppealStatus;
import ua.hromada.portal.testing.BundleTexts;

/** Every e-appeals text key the sources name exists, in Ukrainian and English alike. */
class AppealTextsTest {

    private static Properties load(String name) throws IOException {
        return BundleTexts.load(AppealTextsTest.class, "/i18n/" + name);
    }

    @Test
    void ukrainianAndEnglishHaveTheSameKeys() throws IOException {
        assertEquals(new TreeSet<>(load("eservices-appeals.properties").stringPropertyNames()),
                new TreeSet<>(load("eservices-appeals_en.properties").stringPropertyNames()));
    }

    @Test
    void everyKeyOfTheSourcesStatusesAndStepsIsThere() throws IOException {
        Properties uk = load("eservices-appeals.properties");
        Properties shared = load("eservices.properties");
        Set<String> used = new TreeSet<>(BundleTexts.keysUsed(Path.of("src/main/java/ua/hromada/eservices/service"),
                Pattern.compile("\"(eservices\\.(appeal|error)\\.[A-Za-z.]+)\"")));
        assertTrue(used.size() > 30, used.toString());
        for (String key : used) {
            if (key.endsWith(".")) {
                continue; // a prefix completed at run time: statuses and steps, checked below
            }
            assertTrue(uk.containsKey(key) || shared.containsKey(key), "missing text for " + key);
        }
        for (AppealStatus status : AppealStatus.values()) {
            assertTrue(uk.containsKey("eservices.appeal.status." + status.name()), status.name());
        }
        for (String step : List.of("REGISTERED", "ROUTED", "HANDED_OVER", "HANDOVER_FAILED", "ASSIGNED", "ANSWERED",
                "CLOSED", "MAILED")) {
            assertTrue(uk.containsKey("eservices.appeal.step." + step), step);
        }
        for (String key : uk.stringPropertyNames()) {
            assertFalse(uk.getProperty(key).contains("'"), "a plain apostrophe in " + key);
        }
        AppealMessages messages = new AppealMessages();
        assertEquals("Скільки буде 2 + 3?", messages.ukrainian("eservices.appeal.challenge", 2, 3));
        assertTrue(messages.message("eservices.appeal.rateLimited", Locale.ENGLISH).orElseThrow().startsWith("Too many"));
    }
}
