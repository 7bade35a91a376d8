package ua.hromada.gis.api;

import java.util.List;
import java.util.Optional;

import ua.hromada.portal.api.PortalUser;

/**
 * The layer registry of the current community: groups of the layer tree and layers with their
 * schema, style, visibility and metadata. Reading shows a user only the layers they may see
 * (PUBLIC to everyone, EMPLOYEES to holders of a GIS permission); changes need
 * {@link GisPermissions#ADMINISTER}. Refusals are {@link GisException}s: FORBIDDEN, NOT_FOUND,
 * INVALID (with {@link GisException#errors()} naming the fields), CONFLICT (a key taken, a change
 * the layer's objects do not allow); a stale version is an
 * {@link ua.hromada.portal.api.jdbc.EditConflictException}. Every change is audited.
 */
@org.osgi.annotation.versioning.ProviderType
public interface GisLayers {

    /** Every group, by position. */
    List<LayerGroup> groups(PortalUser user);

    /** Creates (id 0) or updates a group. */
    LayerGroup saveGroup(PortalUser admin, LayerGroup group);

    /** Removes an empty group; CONFLICT while layers are in it. */
    void deleteGroup(PortalUser admin, long groupId, long version);

    /** The layers the user may see, by group position then title; a null user sees the public ones. */
    List<Layer> layers(PortalUser user);

    /** The public layers (public map, OGC API, open data), by group position then title. */
    List<Layer> publicLayers();

    Optional<Layer> find(PortalUser user, long layerId);

    Optional<Layer> findByKey(PortalUser user, String key);

    /** A public layer by key (OGC API collection id); empty for an employees' layer. */
    Optional<Layer> findPublic(String key);

    /**
     * Creates (id 0) or updates a layer after checking it: key, title, group, attribute definitions
     * (names, labels, unique names, choices of a CHOICE, text limit), style colours and the
     * per-value attribute, linked layer. A change the existing objects contradict is refused
     * (CONFLICT): another geometry type than theirs, an attribute made required that some lack or
     * unique that some share, a type change of an attribute that has values.
     */
    Layer saveLayer(PortalUser admin, Layer layer);

    /** Removes a layer without objects; CONFLICT while it has some or another layer links to it. */
    void deleteLayer(PortalUser admin, long layerId, long version);

    /** Whether the user may create, change and delete the layer's objects (drives the editing tools). */
    boolean canEdit(PortalUser user, Layer layer);
}
