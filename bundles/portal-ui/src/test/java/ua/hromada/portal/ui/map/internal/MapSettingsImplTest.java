package ua.hromada.portal.ui.map.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ua.hromada.portal.api.map.BoundingBox;
import ua.hromada.portal.api.map.GeoPoint;
import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.testing.ShippedConfig;
import ua.hromada.portal.testing.TestCommunities;

class MapSettingsImplTest {

    private final TestCommunities communities = new TestCommunities();

    private MapSettingsImpl settings(Map<String, Object> properties) {
        return new MapSettingsImpl(communities, ShippedConfig.as(MapConfig.class, properties));
    }

    private static Community community(String id, Map<String, String> mapKeys) {
        Map<String, String> overlay = new HashMap<>();
        mapKeys.forEach((k, v) -> overlay.put(MapConfig.PID + "/" + k, v));
        return new Community(id, List.of(), Set.of(), overlay);
    }

    @Test
    void eachCommunityHasItsOwnCentreAndBoundsOverTheSharedFile() {
        communities.add(community("horishni-plavni", Map.of("center.lat", "49.0106", "center.lon", "33.6561",
                "zoom", "12", "bounds", "48.93,33.53,49.09,33.78")));
        communities.add(community("poltava", Map.of()));
        MapSettingsImpl s = settings(Map.of("center.lat", "49.5883", "center.lon", "34.5514", "zoom", "13",
                "attribution", "© Спільна"));
        communities.runAs("horishni-plavni", () -> {
            assertEquals(new GeoPoint(49.0106, 33.6561), s.center());
            assertEquals(12, s.zoom());
            assertEquals(Optional.of(new BoundingBox(48.93, 33.53, 49.09, 33.78)), s.bounds());
            assertEquals("© Спільна", s.attribution(), "a key the community does not set is the file's");
        });
        for (String id : List.of("poltava", "default")) {
            communities.runAs(id, () -> {
                assertEquals(new GeoPoint(49.5883, 34.5514), s.center(), id);
                assertEquals(13, s.zoom());
                assertEquals(Optional.empty(), s.bounds());
            });
        }
        // a changed overlay applies at once; a wrong value of it falls back like the file's
        communities.add(community("horishni-plavni", Map.of("center.lat", "91", "zoom", "8")));
        communities.runAs("horishni-plavni", () -> {
            assertEquals(new GeoPoint(MapSettingsImpl.DEFAULT_CENTER.lat(), 34.5514), s.center());
            assertEquals(8, s.zoom());
            assertEquals(Optional.empty(), s.bounds());
        });
    }

    @Test
    void withoutConfigurationTheDefaultsAreNeutral() {
        MapSettingsImpl s = settings(Map.of());
        assertEquals("https://tile.openstreetmap.org/{z}/{x}/{y}.png", s.tileUrl());
        assertEquals("© OpenStreetMap contributors", s.attribution());
        assertEquals(new GeoPoint(48.3794, 31.1656), s.center());
        assertEquals(6, s.zoom());
        assertEquals(19, s.maxZoom());
    }

    /** The file the distribution ships in etc/ (Felix reads .cfg files as UTF-8 properties). */
    @Test
    void theShippedConfigurationCentresOnPoltava() throws IOException {
        Path cfg = Path.of("../../config/ua.hromada.portal.map.cfg");
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(cfg, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        Map<String, Object> properties = new HashMap<>();
        p.forEach((k, v) -> properties.put(k.toString(), v));
        MapSettingsImpl s = settings(properties);
        assertEquals(new GeoPoint(49.5883, 34.5514), s.center());
        assertEquals(13, s.zoom());
        assertEquals(19, s.maxZoom());
        assertEquals("https://tile.openstreetmap.org/{z}/{x}/{y}.png", s.tileUrl());
        assertEquals("© OpenStreetMap contributors", s.attribution());
    }

    @Test
    void anotherCommunityChangesOnlyItsFile() {
        MapSettingsImpl s = settings(Map.of("tile.url", "https://tiles.example.ua/{z}/{x}/{y}.png",
                "attribution", "© Громада", "center.lat", "50.4501", "center.lon", 30.5234, "zoom", "12", "maxZoom", 18));
        assertEquals("https://tiles.example.ua/{z}/{x}/{y}.png", s.tileUrl());
        assertEquals("© Громада", s.attribution());
        assertEquals(new GeoPoint(50.4501, 30.5234), s.center());
        assertEquals(12, s.zoom());
        assertEquals(18, s.maxZoom());
        s.modified(ShippedConfig.as(MapConfig.class, Map.of("zoom", "9"))); // @Modified: a changed file applies without a restart
        assertEquals(9, s.zoom());
    }

    @Test
    void wrongValuesFallBackToTheDefaultsOneByOne() {
        MapSettingsImpl s = settings(Map.of("tile.url", "ftp://tiles/{z}/{x}/{y}", "center.lat", "149.5",
                "center.lon", "east", "zoom", "30", "maxZoom", "12.5"));
        assertEquals(MapSettingsImpl.DEFAULT_TILE_URL, s.tileUrl());
        assertEquals(MapSettingsImpl.DEFAULT_CENTER, s.center());
        assertEquals(19, s.maxZoom(), "not a whole number");
        assertEquals(6, s.zoom(), "zoom beyond maxZoom is refused");
        assertEquals(6, settings(Map.of("maxZoom", "12", "zoom", "13")).zoom(), "zoom beyond maxZoom is refused");
        assertEquals(MapSettingsImpl.DEFAULT_TILE_URL,
                settings(Map.of("tile.url", "https://tiles.example.ua/{x}/{y}.png")).tileUrl(), "no {z}");
        assertEquals("/tiles/{z}/{x}/{y}.png", settings(Map.of("tile.url", "/tiles/{z}/{x}/{y}.png")).tileUrl());
    }

    @Test
    void boundsLimitTheMapToTheCommunitysArea() {
        MapSettingsImpl s = settings(Map.of("center.lat", "49.0106", "center.lon", "33.6561",
                "bounds", " 48.95, 33.55 ,49.07,33.78"));
        assertEquals(Optional.of(new BoundingBox(48.95, 33.55, 49.07, 33.78)), s.bounds());
        assertEquals(Optional.empty(), settings(Map.of()).bounds(), "no bounds: the whole world");
        assertEquals(Optional.empty(), settings(Map.of("bounds", " ")).bounds());
    }

    @Test
    void wrongBoundsAreIgnoredNotGuessed() {
        Map<String, Object> centre = Map.of("center.lat", "49.0106", "center.lon", "33.6561");
        for (String wrong : List.of("48.95,33.55,49.07", "48.95,33.55,49.07,33.78,1", "south,33.55,49.07,33.78",
                "49.07,33.55,48.95,33.78", "48.95,33.78,49.07,33.55", "48.95,33.55,48.95,33.78",
                "-95,33.55,49.07,33.78", "48.95,33.55,49.07,190", "49.5,34.3,49.7,34.7")) {
            Map<String, Object> p = new HashMap<>(centre);
            p.put("bounds", wrong);
            MapSettingsImpl s = settings(p);
            assertEquals(Optional.empty(), s.bounds(), wrong);
            assertEquals(new GeoPoint(49.0106, 33.6561), s.center(), "the rest of the file still applies: " + wrong);
        }
    }

    @Test
    void staticResourcesServeLeafletAndTheMapScriptOnly() {
        MapStaticResources resources = new MapStaticResources();
        URL leaflet = resources.resolve(MapStaticResources.LEAFLET_PATH, "/leaflet.js");
        assertNotNull(leaflet, "Leaflet " + MapStaticResources.LEAFLET_VERSION + " from the webjar");
        assertNotNull(resources.resolve(MapStaticResources.LEAFLET_PATH, "/leaflet.css"));
        assertNotNull(resources.resolve(MapStaticResources.LEAFLET_PATH, "/images/marker-icon.png"));
        assertNotNull(resources.resolve(MapStaticResources.SCRIPT_PATH, "/portal-map.js"));
        assertNotNull(resources.resolve(MapStaticResources.SCRIPT_PATH, "/portal-map.css"));
        assertNotNull(resources.resolve(MapStaticResources.SCRIPT_PATH, "/portal-map-layers.js"));
        assertNotNull(resources.resolve(MapStaticResources.SCRIPT_PATH, "/portal-map-tools.js"));
        assertNotNull(resources.resolve(MapStaticResources.GEOMAN_PATH, "/leaflet-geoman.min.js"), "vendored Geoman");
        assertNotNull(resources.resolve(MapStaticResources.GEOMAN_PATH, "/leaflet-geoman.css"));
        assertNotNull(MapStaticResources.class.getClassLoader().getResource(
                "vendor/leaflet-geoman-free/" + MapStaticResources.GEOMAN_VERSION + "/LICENSE"), "with its licence");
        assertNull(resources.resolve(MapStaticResources.LEAFLET_PATH, "/../package.json"));
        assertNull(resources.resolve(MapStaticResources.SCRIPT_PATH, "/../i18n/portalui.properties"));
        assertNull(resources.resolve(MapStaticResources.LEAFLET_PATH, "/leaflet.js.map"), "only known types");
        assertNull(resources.resolve(MapStaticResources.LEAFLET_PATH, "/missing.js"));
        assertNull(resources.resolve("/static/other", "/leaflet.js"));
        assertNull(resources.resolve(MapStaticResources.LEAFLET_PATH, null));
        assertTrue(leaflet.toString().contains("leaflet/1.9.4/dist/leaflet.js"));
    }
}
