package ua.hromada.opendata.ui;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.opendata.api.DatasetLegalActs;
import ua.hromada.opendata.ui.view.OpendataUi;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.legal.LegalActReferences;

/** The datasets whose legal basis names an act, for the act's page of document search. */
@Component(service = LegalActReferences.class)
public class DatasetActReferences implements LegalActReferences {

    @Reference
    private DatasetLegalActs legalActs;
    @Reference
    private CurrentUser currentUser;

    @Override
    public String titleKey() {
        return "opendata.ui.references";
    }

    @Override
    public String requiredPermission() {
        return OpendataUi.READ_PERMISSION;
    }

    @Override
    public List<LegalActReference> referencesTo(long actId) {
        return legalActs.citing(currentUser.get().orElse(null), actId).stream()
                .map(d -> new LegalActReference(d.title(), OpendataUi.DATASET_ROUTE + d.datasetId())).toList();
    }
}
