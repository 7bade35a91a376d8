package ua.hromada.eservices.ui.catalogue;

import java.util.List;

import ua.hromada.eservices.api.CatalogueImport;
import ua.hromada.eservices.api.CatalogueTransfer;
import ua.hromada.eservices.api.ImportProblem;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.ui.upload.ImportCheckDialog;

/**
 * Import of a CSV or XLSX file into the catalogue (portal-ui's import dialog): the file is read and
 * checked first (what it would create and update, each row's problems), and applied whole only
 * when it has none.
 */
class ImportDialog extends ImportCheckDialog<CatalogueImport> {
    private static final long serialVersionUID = 1L;
    private static final Setup SETUP = new Setup("eservices-catalogue-import", "eservices-catalogue-upload",
            "eservices.ui.catalogue.import.", "eservices.ui.catalogue.close", "min(800px, 100vw)",
            List.of(CatalogueTransfer.COLUMNS), CatalogueTransfer.MAX_IMPORT_BYTES);

    ImportDialog(CatalogueTransfer catalogue, PortalUser editor, Runnable imported) {
        super(SETUP, (name, content) -> catalogue.preview(editor, name, content), checked -> catalogue.apply(editor, checked),
                ImportDialog::outcome, imported);
        problems.setEmptyStateText(getTranslation("eservices.ui.catalogue.import.noProblems"));
    }

    private static Outcome outcome(CatalogueImport checked) {
        List<Problem> rows = checked.problems().stream().map(ImportDialog::problem).toList();
        return new Outcome(checked.created(), checked.updated(), checked.applicable(), rows);
    }

    private static Problem problem(ImportProblem p) {
        return new Problem(p.row(), p.column(), p.messageKey(), p.args());
    }
}
