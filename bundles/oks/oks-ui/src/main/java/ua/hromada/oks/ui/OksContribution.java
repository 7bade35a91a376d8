package ua.hromada.oks.ui;

import org.osgi.service.component.annotations.Reference;

import ua.hromada.oks.ui.view.OksUi;
import ua.hromada.portal.api.ViewContribution;

/**
 * What the OKS menu entries share: the section, the services, and the permission. Reading OKS
 * is open to anyone holding one of the module's permissions ({@link OksUi#READ}).
 */
abstract class OksContribution implements ViewContribution {

    static final String SECTION = "oks";

    @Reference
    protected OksServices services;

    @Override
    public String section() {
        return SECTION;
    }

    @Override
    public String requiredPermission() {
        return OksUi.READ;
    }
}
