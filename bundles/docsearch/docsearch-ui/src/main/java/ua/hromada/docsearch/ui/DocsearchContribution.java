package ua.hromada.docsearch.ui;

import ua.hromada.docsearch.api.DocsearchPermissions;
import ua.hromada.portal.api.ViewContribution;

/** What the module's menu entries share: the section, and employees' read permission by default. */
abstract class DocsearchContribution implements ViewContribution {

    static final String SECTION = "docsearch";

    @Override
    public String section() {
        return SECTION;
    }

    @Override
    public String requiredPermission() {
        return DocsearchPermissions.VIEW;
    }

    @Override
    public String icon() {
        return "vaadin:file-search";
    }
}
