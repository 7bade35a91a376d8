package ua.hromada.opendata.api;

/** Permission keys of the open data module. */
public final class OpendataPermissions {
    /** Read the registry, audits and reports. */
    public static final String VIEW = "opendata.view";
    /** Data stewards: edit managers, datasets, resources, obligations; import. */
    public static final String EDIT = "opendata.edit";
    /** Run audits, register official requests, produce reports. */
    public static final String AUDIT = "opendata.audit";

    private OpendataPermissions() {
    }
}
