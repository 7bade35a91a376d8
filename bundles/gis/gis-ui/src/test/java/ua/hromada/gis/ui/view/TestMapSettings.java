package ua.hromada.gis.ui.view;

import ua.hromada.portal.api.map.GeoPoint;
import ua.hromada.portal.api.map.MapSettings;

/** The map settings of the views' tests: Poltava, and tiles from an address nothing serves. */
final class TestMapSettings implements MapSettings {

    @Override
    public String tileUrl() {
        return "/static/no-tiles/{z}/{x}/{y}.png";
    }

    @Override
    public String attribution() {
        return "© OpenStreetMap";
    }

    @Override
    public GeoPoint center() {
        return new GeoPoint(49.59, 34.55);
    }

    @Override
    public int zoom() {
        return 13;
    }

    @Override
    public int maxZoom() {
        return 19;
    }
}
