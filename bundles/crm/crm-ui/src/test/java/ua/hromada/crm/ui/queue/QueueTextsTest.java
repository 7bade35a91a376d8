package ua.hromada.crm.ui.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import ua.hromada.crm.api.TicketStatus;
import ua.hromada.crm.api.Topic;

/**
 * The queue's and the analytics' texts, of the pages and of the service (refusals, export headings):
 * Ukrainian and English hold the same keys, the Ukrainian uses the typographic apostrophe, and every
 * key the sources name is there.
 */
class QueueTextsTest {
    private static final Pattern KEY = Pattern.compile("\"(crm\\.(?:queue|analytics)\\.[A-Za-z0-9_.-]*[A-Za-z0-9_])\"");
    private static final String SERVICE = "../crm-service/src/main/";

    @Test
    void everyKeyHasBothTexts() throws IOException {
        Properties uk = new Properties();
        for (String bundle : new String[] {"crm-queue", "crm-analytics"}) {
            uk.putAll(pair(uiBundle("/i18n/" + bundle)));
        }
        for (String bundle : new String[] {"crm-queue-service", "crm-analytics-service"}) {
            uk.putAll(pair(Path.of(SERVICE + "resources/i18n/" + bundle)));
        }
        Set<String> used = new TreeSet<>();
        for (String sources : new String[] {"src/main/java/ua/hromada/crm/ui/queue", "src/main/java/ua/hromada/crm/ui/analytics",
                SERVICE + "java/ua/hromada/crm/service/queue", SERVICE + "java/ua/hromada/crm/service/analytics"}) {
            used.addAll(ua.hromada.portal.testing.BundleTexts.keysUsed(Path.of(sources), KEY));
        }
        // the job pool of the displays and the desk's session attribute are names, not texts
        used.removeAll(Set.of("crm.queue.display", "crm.queue.window"));
        for (TicketStatus status : TicketStatus.values()) {
            used.add("crm.queue.status." + status.name());
        }
        for (Topic topic : Topic.values()) {
            used.add("crm.analytics.topic." + topic.name());
        }
        used.add("crm.queue.error.state.CALLED");
        used.add("crm.queue.error.state.SERVING");
        for (String sheet : new String[] {"times", "sla", "findings", "byService", "byGroup", "about"}) {
            used.add("crm.analytics.export.sheet." + sheet);
        }
        for (String rule : new String[] {"missing-document", "tax-number-check-digit", "edrpou-check-digit",
                "birth-date-mismatch", "document-expired", "fee-not-paid", "duplicate-open-case", "scan-mismatch",
                "scan-unreadable"}) {
            used.add("crm.analytics.rule." + rule);
        }
        assertTrue(used.size() > 80, "the sources were read: " + used.size());
        for (String key : used) {
            assertTrue(uk.containsKey(key), "Ukrainian text missing: " + key);
        }
    }

    /** The Ukrainian file's texts, after checking the English one has the same keys. */
    private static Properties pair(Path base) throws IOException {
        Properties uk = load(Path.of(base + ".properties"));
        Properties en = load(Path.of(base + "_en.properties"));
        assertEquals(new TreeSet<>(uk.stringPropertyNames()), new TreeSet<>(en.stringPropertyNames()), base.toString());
        uk.values().forEach(text -> assertTrue(!text.toString().contains("'"), "a plain apostrophe: " + text));
        return uk;
    }

    private static Path uiBundle(String resource) {
        return Path.of("src/main/resources" + resource);
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (var reader = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }
}
