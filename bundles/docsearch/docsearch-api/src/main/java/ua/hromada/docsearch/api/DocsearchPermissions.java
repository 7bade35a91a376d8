package ua.hromada.docsearch.api;

import ua.hromada.portal.api.PortalUser;

/** Permission keys of the module. */
public final class DocsearchPermissions {
    /** Search and read acts inside the portal (the public page needs none). */
    public static final String VIEW = "docsearch.view";
    /** Create, edit, delete acts and import. */
    public static final String EDIT = "docsearch.edit";
    /** Rebuild the index. */
    public static final String ADMIN = "docsearch.admin";

    /** The rule the registry and the import check before any change (null: nobody signed in). */
    public static boolean canEdit(PortalUser user) {
        return user != null && user.hasPermission(EDIT);
    }

    private DocsearchPermissions() {
    }
}
