package ua.hromada.gis.api;

/**
 * A folder of the layer tree.
 *
 * @param id       0 for a new group
 * @param key      stable key, unique in the community ({@code [a-z][a-z0-9_-]*})
 * @param position order in the tree, smallest first
 * @param version  optimistic lock: the version read, sent back with a save
 */
public record LayerGroup(long id, String key, String title, int position, long version) {

    /** A new group. */
    public LayerGroup(String key, String title, int position) {
        this(0, key, title, position, 0);
    }
}
