package ua.hromada.opendata.api;

import ua.hromada.portal.api.PortalUser;

/**
 * Permission keys of the open data module and the rules the services check with them; views ask
 * these (what to show) and map the services' refusals, they never restate a rule.
 */
public final class OpendataPermissions {
    /** Read the registry, audits and reports. */
    public static final String VIEW = "opendata.view";
    /** Data stewards: edit managers, datasets, resources, obligations; import. */
    public static final String EDIT = "opendata.edit";
    /** Run audits, register official requests, produce reports. */
    public static final String AUDIT = "opendata.audit";
    /** Reading is open to each of the module's roles: stewards and auditors read what they work on. */
    public static final String READ = PortalUser.anyOf(VIEW, EDIT, AUDIT);

    /** Reads the registry, findings, scores and requests (null: nobody signed in). */
    public static boolean canRead(PortalUser user) {
        return user != null && user.hasPermission(READ);
    }

    /** Changes managers, datasets, resources and obligations, imports. */
    public static boolean canEdit(PortalUser user) {
        return user != null && user.hasPermission(EDIT);
    }

    /** Runs audits, registers official requests, produces reports. */
    public static boolean canAudit(PortalUser user) {
        return user != null && user.hasPermission(AUDIT);
    }

    private OpendataPermissions() {
    }
}
