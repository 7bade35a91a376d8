package ua.hromada.gis.api;

import java.util.List;
import java.util.Optional;

import ua.hromada.portal.api.PortalUser;

/**
 * The objects of the current community's layers. Reading needs the layer to be visible to the user;
 * changes need {@link GisLayers#canEdit}. Every object is checked against its layer: geometry
 * parsed, transformed to WGS 84, valid and of the layer's geometry type; attributes of the schema
 * only, typed, required, CHOICE values, text limits, unique values. Every change writes a history
 * entry (old → new, attributes and geometry) and an audit entry in its transaction.
 * Refusals are {@link GisException}s (INVALID carries the fields); a stale version is an
 * {@link ua.hromada.portal.api.jdbc.EditConflictException}.
 */
@org.osgi.annotation.versioning.ProviderType
public interface GisFeatures {

    /** A page of the layer's objects matching the query, ordered by id. */
    Page<GisFeature> query(PortalUser user, FeatureQuery query);

    long count(PortalUser user, FeatureQuery query);

    /** As {@link #query} for a public layer (NOT_FOUND for any other): the OGC API and the public map. */
    Page<GisFeature> queryPublic(FeatureQuery query);

    /** An existing object the user may see. */
    Optional<GisFeature> get(PortalUser user, long featureId);

    /** An object of a public layer; empty for any other. */
    Optional<GisFeature> getPublic(long featureId);

    GisFeature create(PortalUser user, long layerId, FeatureInput input);

    /**
     * Checks a batch (an import's preview) as {@link #createAll} would, against the layer and the
     * objects already saved and within the batch (unique values); saves nothing.
     *
     * @return every error found, each with its {@link ValidationError#row()}; empty when all rows are good
     */
    List<ValidationError> check(PortalUser user, long layerId, List<FeatureInput> inputs);

    /**
     * Creates every object or none: when any row fails, a {@link GisException} lists every row's
     * errors and nothing is saved.
     */
    List<GisFeature> createAll(PortalUser user, long layerId, List<FeatureInput> inputs);

    /** Replaces the object's geometry and attributes; {@code version} is the one read. */
    GisFeature update(PortalUser user, long featureId, long version, FeatureInput input);

    /** Deletes the object; its history stays, so it can be restored. */
    void delete(PortalUser user, long featureId, long version);

    /** Every change of the object, oldest first; also of a deleted object. */
    List<FeatureChange> history(PortalUser user, long featureId);

    /**
     * Puts back the state one history entry left the object in (for a DELETE entry: the state it
     * deleted), as a new RESTORE change; brings a deleted object back with its id. The state is
     * checked against the layer as it is now (a value made unique since may be refused).
     */
    GisFeature restore(PortalUser user, long featureId, long changeId);

    /** The deleted objects of a layer (newest deletion first), with the DELETE entry to restore from. */
    List<FeatureChange> deleted(PortalUser user, long layerId, int limit);
}
