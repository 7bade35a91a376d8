package ua.hromada.portal.shell.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.testing.BundleTexts;

class ShellMessagesTest {

    private final ShellMessages messages = new ShellMessages();

    @Test
    void ukrainianIsTheDefaultAndEnglishIsOffered() {
        assertEquals("Головна", messages.getTranslation("menu.dashboard", null));
        assertEquals("Головна", messages.getTranslation("menu.dashboard", Locale.GERMAN));
        assertEquals("Home", messages.getTranslation("menu.dashboard", Locale.ENGLISH));
        assertEquals("Home", messages.getTranslation("menu.dashboard", Locale.US));
    }

    @Test
    void parametersAreFormatted() {
        assertEquals("Вітаємо, Олена!", messages.getTranslation("dashboard.welcome", new Locale("uk"), "Олена"));
    }

    @Test
    void moduleBundlesResolveTheirKeysUntilTheyGo() {
        MessageBundle module = (key, locale) -> Optional.ofNullable(
                Map.of("oks.menu", "en".equals(locale.getLanguage()) ? "Violations" : "Порушення").get(key));
        messages.addBundle(module);
        assertEquals("Порушення", messages.getTranslation("oks.menu", new Locale("uk")));
        assertEquals("Violations", messages.getTranslation("oks.menu", Locale.ENGLISH));
        messages.removeBundle(module);
        assertEquals("!oks.menu", messages.getTranslation("oks.menu", new Locale("uk")));
    }

    @Test
    void anEnglishTextMissingFallsBackToUkrainian() {
        MessageBundle ukOnly = (key, locale) -> "uk".equals(locale.getLanguage()) && key.equals("gis.menu")
                ? Optional.of("Шари")
                : Optional.empty();
        messages.addBundle(ukOnly);
        assertEquals("Шари", messages.getTranslation("gis.menu", Locale.ENGLISH));
    }

    @Test
    void everyShellKeyHasAnEnglishText() throws Exception {
        java.util.Properties uk = BundleTexts.load(getClass(), "/i18n/shell.properties");
        java.util.Properties en = BundleTexts.load(getClass(), "/i18n/shell_en.properties");
        assertEquals(uk.keySet(), en.keySet());
    }
}
