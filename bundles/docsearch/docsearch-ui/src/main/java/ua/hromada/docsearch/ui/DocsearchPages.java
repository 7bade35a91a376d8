package ua.hromada.docsearch.ui;

import ua.hromada.docsearch.api.DocsearchPermissions;
import ua.hromada.portal.api.PortalUser;

/** What the module's pages share, for their {@code @PortalView}. */
final class DocsearchPages {

    static final String SECTION = "docsearch";
    static final String ICON = "vaadin:file-search";
    /** The residents' register among the public entries and the public search's groups: first. */
    static final int PUBLIC_ORDER = 10;
    /** An act's page: readers, and an editor who opens the act just saved or asked to edit. */
    static final String READ = DocsearchPermissions.VIEW + PortalUser.ANY_OF + DocsearchPermissions.EDIT;

    private DocsearchPages() {
    }
}
