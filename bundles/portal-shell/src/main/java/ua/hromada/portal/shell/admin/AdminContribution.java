package ua.hromada.portal.shell.admin;

import com.vaadin.flow.component.Component;

import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.ViewContribution;

/** A view of the portal's own admin section; the shell contributes through the same SPI as modules. */
abstract class AdminContribution implements ViewContribution {

    private final String route;
    private final String titleKey;
    private final String icon;
    private final int order;
    private final Class<? extends Component> viewClass;

    AdminContribution(String route, String titleKey, String icon, int order, Class<? extends Component> viewClass) {
        this.route = route;
        this.titleKey = titleKey;
        this.icon = icon;
        this.order = order;
        this.viewClass = viewClass;
    }

    @Override
    public String route() {
        return route;
    }

    @Override
    public String titleKey() {
        return titleKey;
    }

    @Override
    public String icon() {
        return icon;
    }

    @Override
    public String section() {
        return PortalPermissionSet.SECTION;
    }

    @Override
    public int order() {
        return order;
    }

    @Override
    public String requiredPermission() {
        return PortalUser.ADMIN_PERMISSION;
    }

    @Override
    public Class<? extends Component> viewClass() {
        return viewClass;
    }

    @Override
    public abstract Component createView();
}
