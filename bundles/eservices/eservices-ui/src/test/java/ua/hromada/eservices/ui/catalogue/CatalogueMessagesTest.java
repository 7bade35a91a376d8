package ua.hromada.eservices.ui.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import ua.hromada.eservices.api.Audience;
import ua.hromada.eservices.api.LinkState;
import ua.hromada.eservices.api.ProviderKind;
import ua.hromada.eservices.api.ServiceStatus;
import ua.hromada.eservices.api.TransferFormat;
import ua.hromada.portal.testing.BundleTexts;

/**
 * Every text key of the catalogue's pages and of the catalogue service's refusals has a Ukrainian
 * and an English text, the two files hold the same keys, and the Ukrainian uses the typographic apostrophe.
 */
class CatalogueMessagesTest {
    private static final Pattern KEY = Pattern.compile("\"(eservices\\.(?:ui\\.catalogue|ui\\.public|ui\\.search|catalogue)"
            + "\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\"");

    @Test
    void everyKeyHasBothTexts() throws IOException {
        Properties uk = BundleTexts.load(CatalogueMessagesTest.class, "/i18n/eservices-catalogue.properties");
        Properties en = BundleTexts.load(CatalogueMessagesTest.class, "/i18n/eservices-catalogue_en.properties");
        assertEquals(new TreeSet<>(uk.stringPropertyNames()), new TreeSet<>(en.stringPropertyNames()));
        uk.values().forEach(text -> assertTrue(!text.toString().contains("'"), "a plain apostrophe: " + text));

        Set<String> used = new TreeSet<>(BundleTexts.keysUsed(Path.of("src/main/java"), KEY));
        used.addAll(BundleTexts.keysUsed(Path.of("../eservices-service/src/main/java/ua/hromada/eservices/service/catalogue"),
                KEY));
        add(used, "eservices.ui.catalogue.audience.", Audience.values());
        add(used, "eservices.ui.catalogue.provider.", ProviderKind.values());
        add(used, "eservices.ui.catalogue.status.", ServiceStatus.values());
        add(used, "eservices.ui.catalogue.link.", LinkState.values());
        add(used, "eservices.ui.catalogue.export.", TransferFormat.values());
        add(used, "eservices.ui.public.provider.", ProviderKind.values());
        add(used, "eservices.ui.public.for.", Audience.values());
        used.addAll(List.of("eservices.ui.public.audience.RESIDENTS", "eservices.ui.public.audience.BUSINESS"));
        for (String error : List.of("status", "timeout", "redirects", "loop", "connection", "address")) {
            used.add("eservices.ui.catalogue.link.error." + error);
        }
        for (String action : List.of("up", "down", "edit", "check", "history", "delete")) {
            used.add("eservices.ui.catalogue.action." + action);
        }
        for (String kind : List.of("category", "situation")) {
            for (String key : List.of("new", "empty", "deleteText")) {
                used.add("eservices.ui.catalogue." + kind + "." + key);
            }
        }
        assertTrue(used.size() > 120, "the sources were read: " + used.size());
        for (String key : used) {
            assertTrue(uk.containsKey(key), "Ukrainian text missing: " + key);
        }
    }

    private static void add(Set<String> keys, String prefix, Enum<?>[] values) {
        Arrays.stream(values).forEach(v -> keys.add(prefix + v.name()));
    }
}
