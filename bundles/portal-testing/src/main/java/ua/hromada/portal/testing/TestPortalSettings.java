package ua.hromada.portal.testing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Supplier;

import ua.hromada.portal.api.PortalSettings;

/**
 * The portal's settings for service and servlet tests, as the distribution
 * ships them: Poltava's council, Ukrainian, no logo, the community's zone Europe/Kyiv (every "now"
 * and "today" in it, from the system clock). The public address is a supplier, for a server whose
 * port is known only once it runs.
 */
public record TestPortalSettings(String communityName, String logoUrl, Locale defaultLocale, ZoneId timeZone,
        Supplier<String> address) implements PortalSettings {

    /** The shipped time.zone. */
    public static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    public TestPortalSettings() {
        this(() -> "http://127.0.0.1:8181/");
    }

    public TestPortalSettings(Supplier<String> address) {
        this("Полтавська міська рада", null, Locale.forLanguageTag("uk"), KYIV, address);
    }

    @Override
    public String publicUrl() {
        return address.get();
    }

    /**
     * These settings with a test's clock: every "now" from it in the community's zone, "today" its
     * day there (a test's clock, such as {@link MutableClock}, may keep UTC).
     */
    public PortalSettings clocked(Clock clock) {
        PortalSettings shipped = this;
        return new PortalSettings() {
            @Override
            public String communityName() {
                return shipped.communityName();
            }

            @Override
            public String logoUrl() {
                return shipped.logoUrl();
            }

            @Override
            public Locale defaultLocale() {
                return shipped.defaultLocale();
            }

            @Override
            public String publicUrl() {
                return shipped.publicUrl();
            }

            @Override
            public ZoneId timeZone() {
                return shipped.timeZone();
            }

            @Override
            public Clock clock() {
                return clock.withZone(timeZone());
            }

            @Override
            public LocalDate today() {
                return LocalDate.ofInstant(clock.instant(), timeZone());
            }
        };
    }
}
