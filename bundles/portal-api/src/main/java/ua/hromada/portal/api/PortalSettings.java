package ua.hromada.portal.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/** Offered by the shell: community-wide settings from {@code etc/ua.hromada.portal.cfg}. */
@org.osgi.annotation.versioning.ProviderType
public interface PortalSettings {

    /** Name of the community shown in the header, e.g. "Полтавська міська рада". */
    String communityName();

    /** URL of the logo image, or null for none. */
    String logoUrl();

    Locale defaultLocale();

    /** Base URL the portal is reached at, e.g. http://127.0.0.1:8181/ */
    String publicUrl();

    /** The community's time zone: every time shown to a person is in it (config {@code time.zone}). */
    default ZoneId timeZone() {
        return ZoneId.of("Europe/Kyiv");
    }

    /** The clock every "now" of the portal is read from, in the community's time zone. */
    default Clock clock() {
        return Clock.system(timeZone());
    }

    /** Today in the community's time zone: every "today" (deadlines, default dates, filters) is this. */
    default LocalDate today() {
        return LocalDate.now(clock());
    }
}
