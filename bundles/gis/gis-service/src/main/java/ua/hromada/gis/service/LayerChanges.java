package ua.hromada.gis.service;

/**
 * Tells this bundle's {@link LayerChangeListener}s that the layer registry changed, as the registry
 * itself does after its own commits; {@link LayersFromOtherNodes} calls it for another node's change.
 * The layer registry ({@link GisLayersImpl}) registers it, a service inside this bundle only.
 */
public interface LayerChanges {

    /** Called after the commit; a listener's failure is logged, never thrown. */
    void announce();
}
