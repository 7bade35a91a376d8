package ua.hromada.gis.api;

/**
 * Permission keys of the GIS module.
 *
 * <p>A layer's owner unit is the name of a portal role (the portal's accounts have no unit field;
 * a unit's employees share its role): {@link #EDIT} lets a user change the objects of the layers
 * whose owner unit is one of the user's roles, and of layers without an owner unit.
 * {@link #ADMINISTER} edits every layer and the registry itself.
 */
public final class GisPermissions {
    /** Sees the employees' layers and their objects (public layers need no permission). */
    public static final String VIEW = "gis.view";
    /** Edits the objects of the layers of the user's unit (implies {@link #VIEW}). */
    public static final String EDIT = "gis.edit";
    /** The registry: groups, layers, schemas, styles, external layers; edits every layer's objects. */
    public static final String ADMINISTER = "gis.admin";

    private GisPermissions() {
    }
}
