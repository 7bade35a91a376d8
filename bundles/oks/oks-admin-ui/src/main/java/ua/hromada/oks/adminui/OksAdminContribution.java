package ua.hromada.oks.adminui;

import ua.hromada.oks.api.OksPermissions;
import ua.hromada.portal.api.ViewContribution;

/** What the bundle's menu entries share: the OKS section, and the OKS administrators' permission by default. */
abstract class OksAdminContribution implements ViewContribution {

    static final String SECTION = "oks";

    @Override
    public String section() {
        return SECTION;
    }

    @Override
    public String requiredPermission() {
        return OksPermissions.ADMINISTER;
    }
}
