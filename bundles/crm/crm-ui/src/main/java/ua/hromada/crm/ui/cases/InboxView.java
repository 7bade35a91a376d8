package ua.hromada.crm.ui.cases;

import ua.hromada.crm.api.CaseExport;
import ua.hromada.crm.api.Cases;
import ua.hromada.crm.api.ServiceCards;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalUser;

/**
 * The back office's inbox ({@code tsnap/bekofis}): the case list in its inbox mode. A class of its
 * own because the shell checks a view's permission by its class: sharing {@link CaseListView} with
 * {@code tsnap/spravy} (any CRM role) would open the inbox to every role.
 */
public class InboxView extends CaseListView {

    public InboxView(Cases cases, CaseExport export, ServiceCards cards, PortalUser user, PortalSettings settings) {
        super(cases, export, cards, user, settings, true);
    }
}
