package ua.hromada.opendata.ui;

import org.osgi.service.component.annotations.Reference;

import ua.hromada.opendata.ui.view.OpendataUi;
import ua.hromada.portal.api.ViewContribution;

/**
 * What the open-data menu entries share: the section, the services, and the permission. Reading
 * is open to each of the module's roles (view, edit, audit); changes are checked by the service
 * and the views offer them only to those who may make them.
 */
abstract class OpendataContribution implements ViewContribution {

    @Reference
    protected OpendataServices services;

    @Override
    public String section() {
        return OpendataUi.SECTION;
    }

    @Override
    public String requiredPermission() {
        return OpendataUi.READ_PERMISSION;
    }
}
