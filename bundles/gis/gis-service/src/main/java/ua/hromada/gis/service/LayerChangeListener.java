package ua.hromada.gis.service;

/**
 * Told after a change to the layer registry has been committed (a layer created, changed or
 * deleted), so what is derived from the registry outside the request (the public layers' open
 * datasets) follows at once instead of at its next scan. A service inside this bundle only.
 */
public interface LayerChangeListener {

    /** Called after the commit, on the changing thread: hand longer work to a job. */
    void layersChanged();
}
