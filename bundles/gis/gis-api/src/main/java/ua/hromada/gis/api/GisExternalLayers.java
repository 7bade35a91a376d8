package ua.hromada.gis.api;

import java.util.List;
import java.util.Optional;

import ua.hromada.portal.api.PortalUser;

/**
 * The registry of external layers (WMS, WMTS, XYZ) of the current community and the capabilities
 * reader that lists what a service offers. Public layers are seen by everyone, the others by holders
 * of any gis.* permission; changes and capabilities need gis.admin. Refusals are {@link GisException}s
 * (INVALID with the fields; a capabilities failure is INVALID with a message key saying why).
 */
@org.osgi.annotation.versioning.ProviderType
public interface GisExternalLayers {

    /** The external layers the user may see (null user = the public), by group and title. */
    List<ExternalLayer> layers(PortalUser user);

    Optional<ExternalLayer> find(PortalUser user, long id);

    /**
     * The layer with this key of the current community as the user may see it; empty when the
     * community has none (since 1.2.0, for the image proxy).
     *
     * @throws GisException FORBIDDEN when the layer is the employees' and the user (null: the
     *                      public) is not one, so a client can be told to sign in
     */
    Optional<ExternalLayer> findByKey(PortalUser user, String key);

    /** Creates (id 0) or changes a layer; {@code version} must be the one read. */
    ExternalLayer save(PortalUser admin, ExternalLayer layer);

    void delete(PortalUser admin, long id, long version);

    /**
     * Reads the service's GetCapabilities (WMS 1.3.0 or 1.1.1, WMTS 1.0.0) from {@code url}, with
     * time and size limits.
     *
     * @throws GisException INVALID: unreachable, timeout, too large, not a capabilities document
     */
    ServiceCapabilities capabilities(PortalUser admin, ExternalLayerKind kind, String url);
}
