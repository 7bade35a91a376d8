package ua.hromada.eservices.ui.appeals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import ua.hromada.eservices.api.AppealStatus;
import ua.hromada.eservices.ui.appeals.StatisticsRows.Grouping;
import ua.hromada.portal.testing.BundleTexts;

/**
 * Every text key of the appeals' pages has a Ukrainian and an English text (the two files hold the
 * same keys), and the service bundle's texts the pages show (statuses, journal steps, the question,
 * the refusals the form answers by name) exist.
 */
class MessagesTest {
    private static final Pattern KEY = Pattern.compile("\"(eservices\\.ui\\.appeal\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\"");

    @Test
    void everyKeyOfThePagesHasBothTexts() throws IOException {
        Properties uk = BundleTexts.load(MessagesTest.class, "/i18n/eservices-appeals-ui.properties");
        Properties en = BundleTexts.load(MessagesTest.class, "/i18n/eservices-appeals-ui_en.properties");
        assertEquals(new TreeSet<>(uk.stringPropertyNames()), new TreeSet<>(en.stringPropertyNames()));

        Set<String> used = new TreeSet<>(BundleTexts.keysUsed(Path.of("src/main/java/ua/hromada/eservices/ui"), KEY));
        // keys made of a prefix and a value
        for (Grouping g : Grouping.values()) {
            used.add("eservices.ui.appeal.stats.by." + g.name());
        }
        for (String col : List.of("month", "topic", "unit", "received", "answered", "answeredLate", "overdueNow")) {
            used.add("eservices.ui.appeal.stats.col." + col);
        }
        for (String w : List.of("new", "assigned", "overdue")) {
            used.add("eservices.ui.appeal.widget." + w);
        }
        for (String p : List.of("public", "confidential")) {
            used.add("eservices.ui.appeal.form." + p);
            used.add("eservices.ui.appeal.form." + p + "Hint");
        }
        for (String target : TopicsView.HANDOVERS) {
            used.add("eservices.ui.appeal.topics.handover." + (target.isEmpty() ? "none" : target));
            if (!target.isEmpty()) {
                used.add("eservices.ui.appeal.handover." + target);
            }
        }
        assertTrue(used.size() > 150, "the sources were read: " + used.size());
        for (String key : used) {
            assertTrue(uk.containsKey(key), "Ukrainian text missing: " + key);
        }
        for (String key : uk.stringPropertyNames()) {
            assertTrue(uk.getProperty(key).indexOf('\'') < 0, "a typographic apostrophe in " + key);
        }
    }

    @Test
    void theServiceTextsThePagesShowExist() throws IOException {
        for (String file : List.of("/i18n/eservices-appeals.properties", "/i18n/eservices-appeals_en.properties")) {
            Properties service = BundleTexts.load(MessagesTest.class, file);
            Set<String> needed = new TreeSet<>(List.of("eservices.appeal.challenge", AppealFormView.TOKEN_REFUSED,
                    "eservices.appeal.rateLimited"));
            for (AppealStatus s : AppealStatus.values()) {
                needed.add("eservices.appeal.status." + s.name());
            }
            for (String step : List.of("REGISTERED", "ROUTED", "HANDED_OVER", "HANDOVER_FAILED", "ASSIGNED", "ANSWERED",
                    "CLOSED", "MAILED")) {
                needed.add("eservices.appeal.step." + step);
            }
            for (String key : needed) {
                assertTrue(service.containsKey(key), file + " lacks " + key);
            }
        }
    }
}
