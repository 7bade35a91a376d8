package ua.hromada.gis.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import ua.hromada.gis.api.AttributeDefinition;
import ua.hromada.gis.api.AttributeType;
import ua.hromada.gis.api.GeometryType;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.api.LayerGroup;
import ua.hromada.gis.api.LayerMetadata;
import ua.hromada.gis.api.LayerStyle;
import ua.hromada.gis.api.MarkerShape;
import ua.hromada.gis.api.Visibility;
import ua.hromada.portal.api.jdbc.Statements;

/**
 * The layer definitions a community starts with (issue 12), empty — no invented objects: cultural
 * heritage objects linked to their protection zones, and outdoor advertising with its permit status
 * coloured. Written into the community of the connection when it has no group and no layer yet;
 * an administrator edits them afterwards.
 */
final class ShippedLayers {
    static final String HERITAGE = "heritage";
    static final String HERITAGE_ZONES = "heritage-zones";
    static final String SIGNAGE = "signage";

    static final String PERMITTED = "дозвіл є";
    static final String EXPIRED = "термін дії минув";
    static final String NO_PERMIT = "без дозволу";

    private ShippedLayers() {
    }

    /** @return whether anything was written (false: the community has its registry already) */
    static boolean seedIfNew(Connection c, Instant now) throws SQLException {
        // two first uses at once: the second waits here and then finds the first one's rows
        Statements.first(c, "SELECT pg_advisory_xact_lock(hashtext('gis.shipped-layers'))", rs -> true);
        if (Statements.first(c, "SELECT 1 FROM gis.layer_group UNION ALL SELECT 1 FROM gis.layer LIMIT 1",
                rs -> true).isPresent()) {
            return false;
        }
        long heritageGroup = LayerStore.insertGroup(c, new LayerGroup("heritage", "Культурна спадщина", 10));
        long advertisingGroup = LayerStore.insertGroup(c, new LayerGroup("advertising", "Зовнішня реклама", 20));

        long zones = LayerStore.insert(c, new Layer(0, HERITAGE_ZONES, heritageGroup, "Зони охорони пам'яток",
                GeometryType.POLYGON, List.of(
                        AttributeDefinition.text("name", "Назва", true, false),
                        AttributeDefinition.text("zone_type", "Вид зони", false, false),
                        AttributeDefinition.text("heritage_number", "Охоронний номер пам'ятки", false, false)),
                new LayerStyle("#8d6e63", "#5d4037", 2, "#8d6e63", 0.25, MarkerShape.CIRCLE, null, null, Map.of()),
                null, Visibility.EMPLOYEES, LayerMetadata.none(), null, 0, null, null), now);
        LayerStore.insert(c, new Layer(0, HERITAGE, heritageGroup, "Об'єкти культурної спадщини", GeometryType.POINT,
                List.of(AttributeDefinition.text("name", "Назва", true, false),
                        new AttributeDefinition("category", "Категорія охорони", AttributeType.CHOICE, false, false,
                                null, List.of("національного значення", "місцевого значення", "щойно виявлений")),
                        AttributeDefinition.text("register_number", "Номер у Державному реєстрі", false, true),
                        AttributeDefinition.text("address", "Адреса", false, false)),
                new LayerStyle("#6d4c41", "#3e2723", 1, "#6d4c41", 0.8, MarkerShape.STAR, null, null, Map.of()),
                null, Visibility.EMPLOYEES, LayerMetadata.none(), zones, 0, null, null), now);
        LayerStore.insert(c, new Layer(0, SIGNAGE, advertisingGroup, "Вивіски та рекламні засоби", GeometryType.POINT,
                List.of(AttributeDefinition.text("owner", "Власник", true, false),
                        AttributeDefinition.text("permit_number", "Номер дозволу", false, true),
                        new AttributeDefinition("permit_term", "Термін дії дозволу", AttributeType.DATE, false, false,
                                null, List.of()),
                        new AttributeDefinition("size", "Розмір (напр. 3×6 м)", AttributeType.TEXT, false, false, 40,
                                List.of()),
                        AttributeDefinition.text("address", "Адреса", false, false),
                        AttributeDefinition.choice("status", "Статус", true, PERMITTED, EXPIRED, NO_PERMIT)),
                new LayerStyle("#757575", "#424242", 1, "#757575", 0.8, MarkerShape.SQUARE, null, "status",
                        Map.of(PERMITTED, "#2e7d32", EXPIRED, "#ef6c00", NO_PERMIT, "#c62828")),
                null, Visibility.EMPLOYEES, LayerMetadata.none(), null, 0, null, null), now);
        return true;
    }
}
