package ua.hromada.oks.adminui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Properties;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import ua.hromada.portal.testing.BundleTexts;

class MessagesTest {

    @Test
    void ukrainianAndEnglishHaveTheSameKeys() throws IOException {
        assertEquals(new TreeSet<>(load("i18n/oks-admin-ui.properties").stringPropertyNames()),
                new TreeSet<>(load("i18n/oks-admin-ui_en.properties").stringPropertyNames()));
    }

    @Test
    void bundleIsFoundThroughTheMessageBundleService() {
        OksAdminUiMessages messages = new OksAdminUiMessages();
        assertEquals("ОКС Аналітика", messages.message("oks.adminui.menu.analytics", new java.util.Locale("uk")).orElseThrow());
        assertEquals("OKS analytics", messages.message("oks.adminui.menu.analytics", java.util.Locale.ENGLISH).orElseThrow());
    }

    private static Properties load(String path) throws IOException {
        return BundleTexts.load(MessagesTest.class, "/" + path);
    }
}
