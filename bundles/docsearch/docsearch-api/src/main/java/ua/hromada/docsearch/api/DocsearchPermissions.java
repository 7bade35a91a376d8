package ua.hromada.docsearch.api;

/** Permission keys of the module. */
public final class DocsearchPermissions {
    /** Search and read acts inside the portal (the public page needs none). */
    public static final String VIEW = "docsearch.view";
    /** Create, edit, delete acts and import. */
    public static final String EDIT = "docsearch.edit";
    /** Rebuild the index. */
    public static final String ADMIN = "docsearch.admin";

    private DocsearchPermissions() {
    }
}
