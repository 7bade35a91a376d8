package ua.hromada.portal.ui.map;

import ua.hromada.portal.api.map.GeoPoint;
import ua.hromada.portal.api.map.MapSettings;

/** The base map of the tests: OpenStreetMap over Poltava, zoom 13 of 19. */
final class TestMapSettings implements MapSettings {

    static final MapSettings POLTAVA = new TestMapSettings();

    public String tileUrl() {
        return "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    }

    public String attribution() {
        return "© OpenStreetMap contributors";
    }

    public GeoPoint center() {
        return new GeoPoint(49.5883, 34.5514);
    }

    public int zoom() {
        return 13;
    }

    public int maxZoom() {
        return 19;
    }
}
