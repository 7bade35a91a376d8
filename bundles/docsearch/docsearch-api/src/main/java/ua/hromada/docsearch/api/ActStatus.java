package ua.hromada.docsearch.api;

/** Legal force of an act; labels are resource keys {@code docsearch.status.<name>}. */
public enum ActStatus {
    /** чинний */
    IN_FORCE,
    /** змінено (amended by a later act, still in force) */
    AMENDED,
    /** зупинено */
    SUSPENDED,
    /** втратив чинність */
    LOST_FORCE
}
