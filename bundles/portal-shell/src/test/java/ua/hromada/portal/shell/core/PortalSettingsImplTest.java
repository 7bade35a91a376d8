package ua.hromada.portal.shell.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.testing.ShippedConfig;
import ua.hromada.portal.testing.TestCommunities;

/** Each community's settings: its overlay first, then etc/ua.hromada.portal.cfg. */
class PortalSettingsImplTest {

    @TempDir
    Path etc;

    private final TestCommunities communities = new TestCommunities();

    private static PortalConfig config(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return ShippedConfig.as(PortalConfig.class, p);
    }

    private PortalSettingsImpl settings(PortalConfig config) {
        return new PortalSettingsImpl(communities, config, etc);
    }

    private static Community community(String id, Map<String, String> portalKeys) {
        Map<String, String> overlay = new java.util.HashMap<>();
        portalKeys.forEach((k, v) -> overlay.put(PortalConfig.PID + "/" + k, v));
        return new Community(id, List.of(id + ".portal.example"), Set.of(), overlay);
    }

    @Test
    void theDefaultCommunityReadsTheSharedFileUnchanged() throws IOException {
        PortalSettingsImpl s = settings(ShippedConfig.as(PortalConfig.class, ShippedConfig.read(PortalConfig.PID)));
        Properties shipped = ShippedConfig.read(PortalConfig.PID);
        assertEquals(shipped.getProperty("community.name"), s.communityName());
        assertEquals(Locale.forLanguageTag(shipped.getProperty("locale.default", "uk")), s.defaultLocale());
    }

    @Test
    void aCommunitysOverlayComesBeforeTheSharedValues() throws IOException {
        Files.writeString(etc.resolve("reshetylivka.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
        communities.add(community("reshetylivka", Map.of("community.name", "Решетилівська міська рада",
                "community.name.en", "Reshetylivka City Council", "community.logo", "reshetylivka.svg",
                "locale.default", "en", "time.zone", "Europe/Warsaw", "public.url", "https://reshetylivka.portal.example")));
        communities.add(community("poltava", Map.of()));
        PortalSettingsImpl s = settings(config("community.name", "Полтавська міська рада",
                "community.logo", "https://poltava.example/logo.png", "public.url", "https://poltava.portal.example/"));

        communities.runAs("reshetylivka", () -> {
            assertEquals("Решетилівська міська рада", s.communityName());
            assertEquals("Reshetylivka City Council", s.communityName(Locale.ENGLISH));
            assertEquals("Решетилівська міська рада", s.communityName(Locale.forLanguageTag("uk")));
            assertEquals(Locale.ENGLISH, s.defaultLocale());
            assertEquals(ZoneId.of("Europe/Warsaw"), s.timeZone());
            assertEquals("01.01.2026 01:00", s.times().minutes(Instant.parse("2026-01-01T00:00:00Z")));
            assertEquals("https://reshetylivka.portal.example/community-logo", s.logoUrl());
            assertTrue(s.logoSrc().startsWith("community-logo?v="), s.logoSrc());
            assertEquals(etc.resolve("reshetylivka.svg").toAbsolutePath().normalize(), s.logo().file().orElseThrow());
        });
        // a community without an overlay, and the default one, have the shared values
        for (String id : List.of("poltava", "default")) {
            communities.runAs(id, () -> {
                assertEquals("Полтавська міська рада", s.communityName(), id);
                assertEquals("Полтавська міська рада", s.communityName(Locale.ENGLISH), "no English name: the main one");
                assertEquals(Locale.forLanguageTag("uk"), s.defaultLocale());
                assertEquals(ZoneId.of("Europe/Kyiv"), s.timeZone());
                assertEquals("01.01.2026 02:00", s.times().minutes(Instant.parse("2026-01-01T00:00:00Z")));
                assertEquals("https://poltava.example/logo.png", s.logoUrl());
                assertEquals("https://poltava.example/logo.png", s.logoSrc());
                assertTrue(s.logo().file().isEmpty());
            });
        }
    }

    @Test
    void aChangedOverlayAppliesAtOnceAndAChangedFileToo() {
        communities.add(community("a", Map.of("community.name", "Громада А")));
        PortalSettingsImpl s = settings(config("community.name", "Спільна назва"));
        communities.runAs("a", () -> assertEquals("Громада А", s.communityName()));
        // the regional administrator renames it: no restart, no stale cache
        communities.add(community("a", Map.of("community.name", "Громада А (нова назва)", "time.zone", "UTC")));
        communities.runAs("a", () -> {
            assertEquals("Громада А (нова назва)", s.communityName());
            assertEquals(ZoneId.of("UTC"), s.timeZone());
        });
        // the shared file changes (@Modified): a community without its own value follows it
        communities.add(community("a", Map.of()));
        s.modified(config("community.name", "Інша спільна назва", "time.zone", "Europe/Kyiv"));
        communities.runAs("a", () -> assertEquals("Інша спільна назва", s.communityName()));
        assertEquals("Інша спільна назва", s.communityName());
    }

    @Test
    void aWrongZoneOrAMissingLogoOfOneCommunityDoesNotTouchTheOthers() {
        communities.add(community("a", Map.of("time.zone", "Europe/Poltava", "community.logo", "missing.svg")));
        communities.add(community("b", Map.of("time.zone", "Europe/Warsaw")));
        PortalSettingsImpl s = settings(config("time.zone", "Europe/Kyiv"));
        communities.runAs("a", () -> {
            assertEquals(ZoneId.of(PortalSettingsImpl.DEFAULT_ZONE), s.timeZone());
            assertNull(s.logoSrc(), "a missing file: no logo rather than a broken image");
            assertNull(s.logoUrl());
        });
        communities.runAs("b", () -> assertEquals(ZoneId.of("Europe/Warsaw"), s.timeZone()));
    }

    @Test
    void aBlankOverlayValueMeansTheSharedOne() {
        communities.add(community("a", Map.of("community.name", "  ", "community.logo", "")));
        PortalSettingsImpl s = settings(config("community.name", "Спільна назва", "community.logo", "/logo.png"));
        communities.runAs("a", () -> {
            assertEquals("Спільна назва", s.communityName());
            assertEquals("/logo.png", s.logoSrc());
        });
    }
}
