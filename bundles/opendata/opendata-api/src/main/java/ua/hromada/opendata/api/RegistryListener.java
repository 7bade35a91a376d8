package ua.hromada.opendata.api;

/**
 * Told after a change of the registry has been committed: a data manager, a dataset (its passport
 * or its published flag) or a resource. Readers that keep a copy of the published registry (the
 * CKAN API's and the DCAT catalogue's cache) register this interface as an OSGi service and drop
 * their copy; the registry service calls every registered listener after each commit. A listener
 * returns at once (no work on the caller's thread) and never throws. It is told in the changing
 * work, so the community bound then ({@code Communities.current()}) is the one whose registry
 * changed: a reader keeping a copy per community drops only that one.
 */
public interface RegistryListener {

    void registryChanged();
}
