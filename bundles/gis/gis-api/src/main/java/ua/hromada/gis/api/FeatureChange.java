package ua.hromada.gis.api;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of an object's history: who changed it, when, and its state before and after.
 * CREATE has no old state, DELETE no new state; UPDATE and RESTORE have both.
 *
 * @param version       the object's version after the change (DELETE: the version deleted)
 * @param oldGeometry   GeoJSON (WGS 84) before; null when there was none
 * @param newGeometry   GeoJSON (WGS 84) after; null when there is none
 */
public record FeatureChange(long id, long featureId, long layerId, long version, ChangeAction action, String actor,
        Instant at, Map<String, Object> oldAttributes, Map<String, Object> newAttributes, String oldGeometry,
        String newGeometry) {
}
