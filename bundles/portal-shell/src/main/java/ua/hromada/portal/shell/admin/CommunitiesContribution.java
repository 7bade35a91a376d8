package ua.hromada.portal.shell.admin;

import org.osgi.service.component.annotations.Reference;

import com.vaadin.flow.component.Component;

import ua.hromada.portal.api.InstalledModules;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.community.CommunityAdministration;
import ua.hromada.portal.api.security.Roles;

/** Admin page {@code admin/communities}: the regional administrator's communities. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@PortalView(route = "admin/communities", title = "admin.communities.title", section = AdminPages.SECTION,
        icon = "vaadin:globe", order = 5, permission = Roles.COMMUNITIES_PERMISSION, view = CommunitiesView.class)
public class CommunitiesContribution implements ViewContribution {

    @Reference
    private Communities communities;
    @Reference
    private CommunityAdministration administration;
    @Reference
    private InstalledModules modules;
    @Reference
    private PortalSettings settings;

    @Override
    public Component createView() {
        // a community's name as its pages show it: its own, else the shared configuration's
        return new CommunitiesView(communities, administration, modules,
                c -> communities.callAs(c.id(), settings::communityName));
    }
}
