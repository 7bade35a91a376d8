package ua.hromada.oks.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import ua.hromada.oks.api.OksCatalog;
import ua.hromada.oks.api.ViolationDocuments;
import ua.hromada.oks.api.Violations;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.map.MapSettings;

/**
 * The services the OKS views are built from, gathered once so each menu entry references only
 * this. The printable documents are optional: without the documents bundle the card simply has
 * no "Попередження"/"Протокол" buttons.
 */
@Component(service = OksServices.class)
public class OksServices {

    @Reference
    private Violations violations;
    @Reference
    private OksCatalog catalog;
    @Reference
    private MapSettings mapSettings;
    @Reference
    private CurrentUser currentUser;
    @Reference
    private OksUiSettings settings;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ViolationDocuments documents;

    Violations violations() {
        return violations;
    }

    OksCatalog catalog() {
        return catalog;
    }

    MapSettings mapSettings() {
        return mapSettings;
    }

    OksUiSettings settings() {
        return settings;
    }

    /** The documents service, null while its bundle is absent. */
    ViolationDocuments documents() {
        return documents;
    }

    /** The signed-in user of the current UI (views are created in the UI thread). */
    PortalUser user() {
        return currentUser.get().orElse(null);
    }
}
