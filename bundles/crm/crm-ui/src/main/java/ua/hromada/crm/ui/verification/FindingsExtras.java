package ua.hromada.crm.ui.verification;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.vaadin.flow.component.html.Div;

import ua.hromada.crm.api.Cases;
import ua.hromada.crm.api.ServiceCase;
import ua.hromada.crm.api.Verification;
import ua.hromada.crm.ui.cases.CaseCardExtras;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalSettings;

/** Puts the {@link FindingsPanel} on a case's card (the cases' {@code case-findings} area). */
@Component(service = CaseCardExtras.class)
public class FindingsExtras implements CaseCardExtras {

    @Reference
    private Verification verification;
    @Reference
    private Cases cases;
    @Reference
    private CurrentUser currentUser;
    @Reference
    private PortalSettings settings;

    @Override
    public void findings(Div area, ServiceCase shown, Runnable changed) {
        currentUser.get().ifPresent(user -> area.add(new FindingsPanel(verification, cases, user, shown.id(), changed,
                settings.timeZone())));
    }
}
