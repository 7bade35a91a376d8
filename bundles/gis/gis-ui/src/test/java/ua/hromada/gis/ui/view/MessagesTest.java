package ua.hromada.gis.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import ua.hromada.gis.api.AttributeType;
import ua.hromada.gis.api.ChangeAction;
import ua.hromada.gis.api.GeometryType;
import ua.hromada.gis.api.MarkerShape;
import ua.hromada.gis.api.Visibility;
import ua.hromada.gis.exchange.ExportFormat;
import ua.hromada.gis.exchange.ImportFormat;
import ua.hromada.portal.testing.BundleTexts;

/** Every text key the views use has a Ukrainian and an English text, and the two files hold the same keys. */
class MessagesTest {
    private static final Pattern KEY = Pattern.compile("\"(gis\\.ui\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\"");

    @Test
    void everyKeyHasBothTexts() throws IOException {
        Properties uk = BundleTexts.load(MessagesTest.class, "/i18n/gis-ui.properties");
        Properties en = BundleTexts.load(MessagesTest.class, "/i18n/gis-ui_en.properties");
        assertEquals(new TreeSet<>(uk.stringPropertyNames()), new TreeSet<>(en.stringPropertyNames()));

        Set<String> used = new TreeSet<>(BundleTexts.keysUsed(Path.of("src/main/java"), KEY));
        // keys made of a prefix and an enum constant
        add(used, "gis.ui.action.", ChangeAction.values());
        add(used, "gis.ui.geometry.", GeometryType.values());
        add(used, "gis.ui.visibility.", Visibility.values());
        add(used, "gis.ui.type.", AttributeType.values());
        add(used, "gis.ui.marker.", MarkerShape.values());
        add(used, "gis.ui.format.", ImportFormat.values());
        add(used, "gis.ui.export.", ExportFormat.values());
        add(used, "gis.ui.viewer.external.", ua.hromada.gis.api.ExternalLayerKind.values());
        add(used, "gis.ui.external.kind.", ua.hromada.gis.api.ExternalLayerKind.values());
        used.add("menu.section.gis");
        assertTrue(used.size() > 100, "the sources were read: " + used.size());
        for (String key : used) {
            assertTrue(uk.containsKey(key), "Ukrainian text missing: " + key);
        }
    }

    private static void add(Set<String> keys, String prefix, Enum<?>[] values) {
        Arrays.stream(values).forEach(v -> keys.add(prefix + v.name()));
    }
}
