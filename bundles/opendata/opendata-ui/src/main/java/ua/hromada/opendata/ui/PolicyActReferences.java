package ua.hromada.opendata.ui;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.opendata.api.PolicyDocuments;
import ua.hromada.opendata.ui.view.OpendataUi;
import ua.hromada.opendata.ui.view.PolicyView;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.legal.LegalActReferences;

/** An act the community names as its open-data policy, for the act's page of document search. */
@Component(service = LegalActReferences.class)
public class PolicyActReferences implements LegalActReferences {

    @Reference
    private PolicyDocuments policy;
    @Reference
    private CurrentUser currentUser;
    @Reference
    private PortalSettings settings;
    private final MessageBundle messages = new OpendataUiMessages();

    @Override
    public String titleKey() {
        return "opendata.ui.policy.references";
    }

    @Override
    public String requiredPermission() {
        return OpendataUi.READ_PERMISSION;
    }

    @Override
    public List<LegalActReference> referencesTo(long actId) {
        if (!policy.actIds(currentUser.get().orElse(null)).contains(actId)) {
            return List.of();
        }
        String title = messages.message("opendata.ui.policy.title", settings.defaultLocale())
                .orElse("opendata.ui.policy.title");
        return List.of(new LegalActReference(title, PolicyView.ROUTE));
    }
}
