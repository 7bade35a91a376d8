package ua.hromada.eservices.ui.catalogue;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;

import ua.hromada.eservices.api.CatalogueImport;
import ua.hromada.eservices.api.CatalogueTransfer;
import ua.hromada.eservices.api.EservicesException;
import ua.hromada.eservices.api.ImportProblem;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.ui.upload.LimitedUpload;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * Import of a CSV or XLSX file: the file is read and checked first (what it would create and
 * update, each row's problems), and applied whole only when it has none.
 */
class ImportDialog extends Dialog {
    private static final long serialVersionUID = 1L;

    private final transient CatalogueTransfer transfer;
    private final transient PortalUser user;
    private final transient Runnable imported;
    final Paragraph summary = new Paragraph();
    final Grid<ImportProblem> problems = new Grid<>();
    final Button apply = new Button();
    private transient CatalogueImport preview;

    ImportDialog(CatalogueTransfer transfer, PortalUser user, Runnable imported) {
        this.transfer = transfer;
        this.user = user;
        this.imported = imported;
        setId("eservices-catalogue-import-dialog");
        setHeaderTitle(getTranslation("eservices.ui.catalogue.import.title"));
        setWidth("min(800px, 100vw)");

        Paragraph help = new Paragraph(getTranslation("eservices.ui.catalogue.import.help",
                String.join(", ", CatalogueTransfer.COLUMNS)));
        Upload upload = new Upload();
        upload.setId("eservices-catalogue-upload");
        upload.setAcceptedFileTypes(".csv", ".xlsx", "text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        LimitedUpload.attach(this, upload, CatalogueTransfer.MAX_IMPORT_BYTES, 1, file -> {
            try {
                check(file.fileName(), file.bytes());
            } finally {
                file.delete();
            }
        }, message -> {
            preview = null;
            apply.setEnabled(false);
            summary.setText(message);
        });
        summary.setId("eservices-catalogue-import-summary");
        summary.getElement().setAttribute("aria-live", "polite");

        problems.setId("eservices-catalogue-import-problems");
        problems.addColumn(p -> p.row() == 0 ? "" : String.valueOf(p.row()))
                .setHeader(getTranslation("eservices.ui.catalogue.import.row")).setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(p -> p.column() == null ? "" : p.column())
                .setHeader(getTranslation("eservices.ui.catalogue.import.column")).setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(p -> getTranslation(p.messageKey(), p.args().toArray()))
                .setHeader(getTranslation("eservices.ui.catalogue.import.problem")).setFlexGrow(1);
        problems.setEmptyStateText(getTranslation("eservices.ui.catalogue.import.noProblems"));
        problems.setAllRowsVisible(true);
        problems.setVisible(false);

        apply.setText(getTranslation("eservices.ui.catalogue.import.apply"));
        apply.setId("eservices-catalogue-import-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(false);
        apply.addClickListener(e -> apply());
        Button close = new Button(getTranslation("eservices.ui.catalogue.close"), e -> close());
        close.setId("eservices-catalogue-import-close");
        add(help, upload, summary, problems);
        getFooter().add(close, apply);
    }

    /** Reads and checks the file; shows what it would do or why it cannot. */
    void check(String fileName, byte[] content) {
        try {
            preview = transfer.preview(user, fileName, content);
        } catch (EservicesException e) {
            preview = null;
            summary.setText(CatalogueLabels.refusal(this, e));
            apply.setEnabled(false);
            return;
        }
        problems.setItems(preview.problems());
        problems.setVisible(!preview.problems().isEmpty());
        apply.setEnabled(preview.applicable());
        summary.setText(preview.applicable()
                ? getTranslation("eservices.ui.catalogue.import.ready", fileName, preview.created(), preview.updated())
                : getTranslation("eservices.ui.catalogue.import.refused", fileName, preview.problems().size()));
    }

    void apply() {
        if (preview == null) {
            return;
        }
        try {
            int done = transfer.apply(user, preview);
            close();
            UiSupport.success(getTranslation("eservices.ui.catalogue.import.done", done));
            imported.run();
        } catch (EservicesException e) {
            // the catalogue changed since the preview: the file is checked again
            summary.setText(CatalogueLabels.refusal(this, e));
            apply.setEnabled(false);
        }
    }
}
