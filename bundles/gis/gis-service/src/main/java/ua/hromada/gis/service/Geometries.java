package ua.hromada.gis.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Locale;

import ua.hromada.gis.api.FeatureInput;
import ua.hromada.gis.api.GeometryType;
import ua.hromada.gis.api.ValidationError;
import ua.hromada.portal.api.jdbc.Statements;

/**
 * An object's geometry read by PostGIS: GeoJSON or WKT in WGS 84 or UCS-2000, transformed to
 * WGS 84 (ST_Transform), flattened to 2D, and checked (readable, not empty, on the globe, valid,
 * of the layer's type). Each reading runs under a savepoint, so a bad row of a batch does not end
 * the transaction the other rows are checked in.
 */
final class Geometries {

    /** The geometry as EWKB hex (what {@code geom::text} gives and {@code ?::geometry} takes), or the error. */
    record Read(String ewkb, ValidationError error) {
    }

    private Geometries() {
    }

    /** WGS 84, UCS-2000 geographic, its 3° Gauss–Krüger zones (5562–5583) and its TM zones (6381–6387). */
    static boolean supported(int srid) {
        return srid == FeatureInput.WGS84 || srid >= 5561 && srid <= 5583 || srid >= 6381 && srid <= 6387;
    }

    static Read read(Connection c, FeatureInput input, GeometryType expected) throws SQLException {
        String text = input.geometry() == null ? "" : input.geometry().strip();
        if (text.isEmpty()) {
            return error("gis.error.geometryMissing");
        }
        if (!supported(input.srid())) {
            return error("gis.error.srid", Integer.toString(input.srid()));
        }
        String parse = text.startsWith("{") ? "ST_SetSRID(ST_GeomFromGeoJSON(?), ?)" : "ST_GeomFromText(?, ?)";
        String sql = "SELECT g::text, GeometryType(g), ST_IsEmpty(g), ST_IsValid(g), ST_IsValidReason(g),"
                + " ST_XMin(g), ST_YMin(g), ST_XMax(g), ST_YMax(g)"
                + " FROM (SELECT ST_Force2D(ST_Transform(" + parse + ", 4326)) AS g) s";
        Savepoint sp = c.setSavepoint();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, text);
            ps.setInt(2, input.srid());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Read read = check(rs, expected);
                c.releaseSavepoint(sp);
                return read;
            }
        } catch (SQLException e) {
            // PostGIS refused the text (not GeoJSON/WKT, unknown type, broken coordinates)
            c.rollback(sp);
            return error("gis.error.geometryUnreadable");
        }
    }

    /** A stored geometry (a history entry's) checked against the layer's type as it is now. */
    static Read stored(Connection c, String ewkb, GeometryType expected) throws SQLException {
        String type = Statements.first(c, "SELECT GeometryType(?::geometry)", rs -> rs.getString(1), ewkb)
                .orElse(null);
        if (type == null) {
            return error("gis.error.geometryMissing");
        }
        if (!expected.accepts(type)) {
            return error("gis.error.geometryType." + expected.name(), type.toLowerCase(Locale.ROOT));
        }
        return new Read(ewkb, null);
    }

    private static Read check(ResultSet rs, GeometryType expected) throws SQLException {
        String type = rs.getString(2);
        if (type == null || rs.getBoolean(3)) {
            return error("gis.error.geometryEmpty");
        }
        if (rs.getDouble(6) < -180 || rs.getDouble(8) > 180 || rs.getDouble(7) < -90 || rs.getDouble(9) > 90) {
            // e.g. metres of a UCS-2000 zone sent as degrees
            return error("gis.error.geometryOutside");
        }
        if (!expected.accepts(type)) {
            return error("gis.error.geometryType." + expected.name(), type.toLowerCase(Locale.ROOT));
        }
        if (!rs.getBoolean(4)) {
            return error("gis.error.geometryInvalid", rs.getString(5));
        }
        return new Read(rs.getString(1), null);
    }

    private static Read error(String key, String... args) {
        return new Read(null, new ValidationError(ValidationError.GEOMETRY, key, args));
    }
}
