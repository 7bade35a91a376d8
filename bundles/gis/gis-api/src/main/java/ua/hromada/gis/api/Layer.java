package ua.hromada.gis.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A vector layer of the registry: its objects share a geometry type and an attribute schema.
 *
 * @param id            0 for a new layer
 * @param key           stable key, unique in the community ({@code [a-z][a-z0-9_-]*}, at most 60): the
 *                      OGC API collection id and the permalink's name
 * @param groupId       the group in the layer tree; null: top level
 * @param attributes    the schema, in the form's order
 * @param ownerUnit     the portal role whose members edit the objects (see {@link GisPermissions}); null: any editor
 * @param linkedLayerId a related layer (heritage objects → their protection zones); null for none
 * @param version       optimistic lock: the version read, sent back with a save
 * @param createdAt     set by the registry (ignored on save)
 * @param updatedAt     set by the registry (ignored on save)
 */
public record Layer(long id, String key, Long groupId, String title, GeometryType geometryType,
        List<AttributeDefinition> attributes, LayerStyle style, String ownerUnit, Visibility visibility,
        LayerMetadata metadata, Long linkedLayerId, long version, Instant createdAt, Instant updatedAt) {

    public Layer {
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        style = style == null ? LayerStyle.plain() : style;
        visibility = visibility == null ? Visibility.EMPLOYEES : visibility;
        metadata = metadata == null ? LayerMetadata.none() : metadata;
    }

    /** A new layer with a plain style and no metadata, seen by employees. */
    public static Layer create(String key, Long groupId, String title, GeometryType geometryType,
            List<AttributeDefinition> attributes) {
        return new Layer(0, key, groupId, title, geometryType, attributes, null, null, null, null, null, 0, null, null);
    }

    public Optional<AttributeDefinition> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public boolean isPublic() {
        return visibility == Visibility.PUBLIC;
    }

    /**
     * The object's name as lists and popups show it: its {@code name} attribute, else its first
     * non-empty TEXT attribute, else null (the caller shows the object's number).
     */
    public String titleOf(Map<String, Object> values) {
        Object name = values.get("name");
        if (name != null && !String.valueOf(name).isBlank()) {
            return String.valueOf(name);
        }
        for (AttributeDefinition a : attributes) {
            Object v = values.get(a.name());
            if (a.type() == AttributeType.TEXT && v != null && !String.valueOf(v).isBlank()) {
                return String.valueOf(v);
            }
        }
        return null;
    }
}
