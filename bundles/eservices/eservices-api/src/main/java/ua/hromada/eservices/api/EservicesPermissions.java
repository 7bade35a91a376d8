package ua.hromada.eservices.api;

/**
 * Permission keys of the e-services module. A unit's employees share the unit's portal role
 * ({@link Unit#role()}), as GIS layers' owner units do: the appeals inbox of a unit is the inbox of
 * the users holding that role.
 */
public final class EservicesPermissions {
    /** Edits the service catalogue (services, categories, life situations) and sees the link monitor. */
    public static final String CATALOGUE = "eservices.catalogue";
    /** Handles the appeals routed to the user's units: assign, answer, close; sees their statistics. */
    public static final String APPEALS = "eservices.appeals";
    /** Units, appeal topics and routing; every unit's appeals and the statistics of all. */
    public static final String MANAGE = "eservices.manage";

    private EservicesPermissions() {
    }
}
