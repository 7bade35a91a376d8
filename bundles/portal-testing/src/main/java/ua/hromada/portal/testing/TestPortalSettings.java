package ua.hromada.portal.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Supplier;

import ua.hromada.portal.api.PortalSettings;

/**
 * The portal's settings as shipped, for service and servlet tests: Poltava's council, Ukrainian,
 * the community's zone Europe/Kyiv; every "now" from the given clock (a {@link MutableClock} moves
 * "today" too), the public address from the given supplier.
 */
public final class TestPortalSettings implements PortalSettings {

    /** The shipped time.zone. */
    public static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    private final Supplier<String> publicUrl;
    private final Clock clock;

    public TestPortalSettings() {
        this(() -> "http://127.0.0.1:8181/", Clock.systemUTC());
    }

    public TestPortalSettings(Supplier<String> publicUrl) {
        this(publicUrl, Clock.systemUTC());
    }

    public TestPortalSettings(Clock clock) {
        this(() -> "http://127.0.0.1:8181/", clock);
    }

    public TestPortalSettings(Supplier<String> publicUrl, Clock clock) {
        this.publicUrl = publicUrl;
        this.clock = clock;
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

    @Override
    public ZoneId timeZone() {
        return KYIV;
    }

    /** The given clock's instants in the community's zone (a MutableClock keeps its own zone UTC). */
    @Override
    public Clock clock() {
        return new Zoned(clock, KYIV);
    }

    private static final class Zoned extends Clock {
        private final Clock source;
        private final ZoneId zone;

        Zoned(Clock source, ZoneId zone) {
            this.source = source;
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            return source.instant();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new Zoned(source, other);
        }
    }
}
