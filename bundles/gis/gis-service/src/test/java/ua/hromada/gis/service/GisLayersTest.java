package ua.hromada.gis.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import ua.hromada.gis.api.AttributeDefinition;
import ua.hromada.gis.api.AttributeType;
import ua.hromada.gis.api.FeatureInput;
import ua.hromada.gis.api.GeometryType;
import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.api.LayerGroup;
import ua.hromada.gis.api.LayerMetadata;
import ua.hromada.gis.api.LayerStyle;
import ua.hromada.gis.api.MarkerShape;
import ua.hromada.gis.api.Visibility;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.jdbc.EditConflictException;

/** The registry: shipped definitions, checks of a definition, who sees and changes it, changes the objects forbid. */
class GisLayersTest {
    private static final String POINT = "POINT(34.55 49.59)";

    @AutoClose
    private final GisTestSetup gis = new GisTestSetup();

    @Test
    void aCommunityStartsWithTheShippedEmptyLayers() {
        assertEquals(List.of("heritage", "advertising"), gis.layers().groups(gis.viewer).stream().map(LayerGroup::key).toList());
        List<Layer> layers = gis.layers().layers(gis.viewer);
        assertEquals(List.of("heritage-zones", "heritage", "signage"), layers.stream().map(Layer::key).toList());
        Layer heritage = gis.layer(ShippedLayers.HERITAGE);
        Layer zones = gis.layer(ShippedLayers.HERITAGE_ZONES);
        assertEquals(zones.id(), heritage.linkedLayerId());
        assertEquals(List.of("name", "category", "register_number", "address"),
                heritage.attributes().stream().map(AttributeDefinition::name).toList());
        assertTrue(heritage.attribute("register_number").orElseThrow().unique());
        Layer signage = gis.layer(ShippedLayers.SIGNAGE);
        assertEquals("status", signage.style().byAttribute());
        assertEquals("#c62828", signage.style().colorOf(Map.of("status", "без дозволу")));
        assertEquals(List.of(0L, 0L, 0L), layers.stream().map(l -> gis.rows("gis.feature", l.id())).toList());
        // the registry of someone without a GIS permission: public layers only (none shipped)
        assertEquals(List.of(), gis.layers().layers(gis.stranger));
        assertEquals(List.of(), gis.layers().publicLayers());
        assertTrue(gis.layers().findByKey(gis.stranger, "heritage").isEmpty());
        // seeding again writes nothing over the registry
        gis.database().tx(c -> ShippedLayers.seedIfNew(c, gis.database().clock().instant()));
        assertEquals(3, gis.layers().layers(gis.admin).size());
    }

    @Test
    void aDefinitionIsCheckedFieldByField() {
        Layer bad = new Layer(0, "Bad Key", 999L, " ", GeometryType.POINT, List.of(
                new AttributeDefinition("1name", "Назва", AttributeType.TEXT, false, false, null, List.of()),
                AttributeDefinition.text("dup", "А", false, false),
                AttributeDefinition.text("dup", "", false, false),
                new AttributeDefinition("kind", "Вид", AttributeType.CHOICE, false, false, null, List.of()),
                new AttributeDefinition("area", "Площа", AttributeType.NUMBER, false, false, 10, List.of())),
                new LayerStyle("red;position:fixed", "#000", 50, "#fff", 0.5, MarkerShape.PIN, null, "missing", Map.of()),
                null, Visibility.PUBLIC, LayerMetadata.none(), null, 0, null, null);
        GisException e = assertThrows(GisException.class, () -> gis.layers().saveLayer(gis.admin, bad));
        assertEquals(List.of("key:gis.error.key", "title:gis.error.title", "attributes[0]:gis.error.attributeName",
                "attributes[2]:gis.error.attributeDuplicate", "attributes[2]:gis.error.attributeLabel",
                "attributes[3]:gis.error.choices", "attributes[4]:gis.error.maxLength", "style:gis.error.color",
                "style:gis.error.styleNumbers", "style:gis.error.styleAttribute"),
                e.errors().stream().map(x -> x.field() + ":" + x.messageKey()).toList());
        Layer ok = Layer.create("parks", 999L, "Парки", GeometryType.POLYGON, List.of());
        assertEquals("groupId", assertThrows(GisException.class, () -> gis.layers().saveLayer(gis.admin, ok))
                .errors().get(0).field());
        assertEquals(Reason.CONFLICT, assertThrows(GisException.class, () -> gis.layers().saveLayer(gis.admin,
                Layer.create("signage", null, "Ще вивіски", GeometryType.POINT, List.of()))).reason());
        assertEquals(Reason.FORBIDDEN, assertThrows(GisException.class, () -> gis.layers().saveLayer(gis.editor,
                Layer.create("parks", null, "Парки", GeometryType.POLYGON, List.of()))).reason());
        assertEquals(Reason.FORBIDDEN, assertThrows(GisException.class, () -> gis.layers().saveGroup(gis.viewer,
                new LayerGroup("parks", "Парки", 1))).reason());
    }

    @Test
    void layersAndGroupsAreCreatedChangedAndRemovedWithAudit() {
        LayerGroup group = gis.layers().saveGroup(gis.admin, new LayerGroup("parks", "Парки і сквери", 5));
        Layer parks = gis.layers().saveLayer(gis.admin, new Layer(0, "parks", group.id(), "Парки", GeometryType.POLYGON,
                List.of(AttributeDefinition.text("name", "Назва", true, false)), null, null, Visibility.PUBLIC,
                new LayerMetadata("Управління містобудування", java.time.LocalDate.of(2024, 3, 1), "CC BY 4.0",
                        "щороку"), null, 0, null, null));
        assertEquals("CC BY 4.0", parks.metadata().licence());
        assertEquals(List.of("parks"), gis.layers().layers(gis.stranger).stream().map(Layer::key).toList());
        assertEquals(parks, gis.layers().findPublic("parks").orElseThrow());
        Layer renamed = gis.layers().saveLayer(gis.admin, new Layer(parks.id(), "parks", group.id(), "Парки міста",
                parks.geometryType(), parks.attributes(), parks.style(), null, Visibility.EMPLOYEES, parks.metadata(),
                null, parks.version(), null, null));
        assertEquals(1, renamed.version());
        assertThrows(EditConflictException.class, () -> gis.layers().saveLayer(gis.admin, parks));
        assertEquals(List.of(), gis.layers().layers(gis.stranger));

        assertEquals(Reason.CONFLICT, assertThrows(GisException.class,
                () -> gis.layers().deleteGroup(gis.admin, group.id(), group.version())).reason());
        gis.features().create(gis.admin, parks.id(), new FeatureInput(
                "POLYGON((34.55 49.58, 34.56 49.58, 34.56 49.59, 34.55 49.58))", Map.of("name", "Корпусний сад")));
        assertEquals(Reason.CONFLICT, assertThrows(GisException.class,
                () -> gis.layers().deleteLayer(gis.admin, renamed.id(), renamed.version())).reason());
        long id = gis.features().query(gis.admin, ua.hromada.gis.api.FeatureQuery.all(parks.id())).items().get(0).id();
        gis.features().delete(gis.admin, id, 0);
        gis.layers().deleteLayer(gis.admin, renamed.id(), renamed.version());
        gis.layers().deleteGroup(gis.admin, group.id(), group.version());
        assertTrue(gis.layers().findByKey(gis.admin, "parks").isEmpty());
        assertEquals(0, gis.rows("gis.feature_history", parks.id()), "the deleted objects' history went with the layer");
        List<String> audit = gis.audit().stream().filter(a -> !a.startsWith("feature ")).map(a -> a.split(":")[0]).toList();
        assertEquals(List.of("layer-group " + group.id() + " create", "layer " + parks.id() + " create",
                "layer " + parks.id() + " update", "layer " + parks.id() + " delete",
                "layer-group " + group.id() + " delete"), audit);
    }

    @Test
    void aChangeTheObjectsContradictIsRefused() {
        Layer signage = gis.layer(ShippedLayers.SIGNAGE);
        gis.features().create(gis.admin, signage.id(), new FeatureInput(POINT,
                Map.of("owner", "А", "status", "дозвіл є", "size", "3×6 м")));
        gis.features().create(gis.admin, signage.id(), new FeatureInput(POINT,
                Map.of("owner", "А", "status", "без дозволу")));
        assertEquals("gis.error.geometryTypeInUse", refused(signage, GeometryType.POLYGON, signage.attributes()));
        assertEquals("gis.error.uniqueShared", refused(signage, GeometryType.POINT, replace(signage, "owner",
                new AttributeDefinition("owner", "Власник", AttributeType.TEXT, true, true, null, List.of()))));
        assertEquals("gis.error.requiredMissing", refused(signage, GeometryType.POINT, replace(signage, "address",
                new AttributeDefinition("address", "Адреса", AttributeType.TEXT, true, false, null, List.of()))));
        assertEquals("gis.error.attributeTypeInUse", refused(signage, GeometryType.POINT, replace(signage, "size",
                new AttributeDefinition("size", "Розмір", AttributeType.NUMBER, false, false, null, List.of()))));
        assertEquals("gis.error.tooLongInUse", refused(signage, GeometryType.POINT, replace(signage, "size",
                new AttributeDefinition("size", "Розмір", AttributeType.TEXT, false, false, 3, List.of()))));
        assertEquals("gis.error.choiceInUse", refused(signage, GeometryType.POINT, replace(signage, "status",
                AttributeDefinition.choice("status", "Статус", true, "дозвіл є", "термін дії минув"))));
        // what the objects allow: ANY geometry, a new optional attribute
        Layer wider = gis.layers().saveLayer(gis.admin, copy(signage, GeometryType.ANY, java.util.stream.Stream.concat(
                signage.attributes().stream(), java.util.stream.Stream.of(AttributeDefinition.text("note", "Примітка",
                        false, false))).toList()));
        assertEquals(GeometryType.ANY, wider.geometryType());
    }

    private String refused(Layer l, GeometryType type, List<AttributeDefinition> attributes) {
        GisException e = assertThrows(GisException.class, () -> gis.layers().saveLayer(gis.admin, copy(l, type, attributes)));
        assertEquals(Reason.CONFLICT, e.reason());
        return e.messageKey();
    }

    private static Layer copy(Layer l, GeometryType type, List<AttributeDefinition> attributes) {
        return new Layer(l.id(), l.key(), l.groupId(), l.title(), type, attributes, l.style(), l.ownerUnit(),
                l.visibility(), l.metadata(), l.linkedLayerId(), l.version(), null, null);
    }

    private static List<AttributeDefinition> replace(Layer l, String name, AttributeDefinition a) {
        return l.attributes().stream().map(x -> x.name().equals(name) ? a : x).toList();
    }
}
