package ua.hromada.opendata.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import ua.hromada.opendata.api.DatasetLegalActs;
import ua.hromada.opendata.api.DatasetRegistry;
import ua.hromada.opendata.api.OpendataAudit;
import ua.hromada.opendata.api.RegistryActions;
import ua.hromada.opendata.ui.view.DatasetView;
import ua.hromada.opendata.ui.view.OpendataUi;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;
import ua.hromada.portal.api.legal.LegalActLookup;

/** Detail page {@code opendata/dataset/:id} ("new" creates one): the passport, structure and resources. */
@Component(service = ViewContribution.class)
@PortalView(route = "opendata/dataset/:id", title = "opendata.ui.menu.dataset", section = OpendataUi.SECTION,
        icon = "vaadin:file-text-o", order = 11, menu = false, permission = OpendataUi.READ_PERMISSION,
        view = DatasetView.class)
public class DatasetContribution implements ViewContribution {

    @Reference
    private DatasetRegistry registry;
    @Reference
    private RegistryActions actions;
    /** Null while the audit bundle is absent: the page then shows no findings or scores. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile OpendataAudit audit;
    @Reference
    private PortalSettings settings;
    @Reference
    private CurrentUser currentUser;
    @Reference
    private DatasetLegalActs legalActs;
    /** Document search's acts for the legal basis, while that module is installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile LegalActLookup acts;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new DatasetView(registry, actions, audit, currentUser.get().orElse(null), settings.timeZone(),
                legalActs, acts);
    }
}
