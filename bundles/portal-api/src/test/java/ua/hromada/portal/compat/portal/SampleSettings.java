package ua.hromada.portal.compat.portal;

import java.util.Locale;

import ua.hromada.portal.api.PortalSettings;

/** What the portal does with the SPI: implements a service it offers (a @ProviderType). */
public class SampleSettings implements PortalSettings {

    @Override
    public String communityName() {
        return "Громада";
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
        return "http://127.0.0.1:8181/";
    }
}
