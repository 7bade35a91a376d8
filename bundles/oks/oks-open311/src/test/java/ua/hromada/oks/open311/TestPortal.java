package ua.hromada.oks.open311;

import java.util.Locale;
import java.util.function.Supplier;

import ua.hromada.portal.api.PortalSettings;

/** The shell's settings as the servlet sees them: only the public address matters here. */
final class TestPortal implements PortalSettings {

    private final Supplier<String> publicUrl;

    TestPortal(Supplier<String> publicUrl) {
        this.publicUrl = publicUrl;
    }

    @Override
    public String communityName() {
        return "Полтавська міська рада";
    }

    @Override
    public String logoUrl() {
        return null;
    }

    @Override
    public Locale defaultLocale() {
        return Locale.forLanguageTag("uk");
    }

    @Override
    public String publicUrl() {
        return publicUrl.get();
    }
}
