package ua.hromada.crm.ui.cards;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;

import ua.hromada.crm.api.CardImport;
import ua.hromada.crm.api.CardImportProblem;
import ua.hromada.crm.api.CardTransfer;
import ua.hromada.crm.api.CrmException;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.ui.support.UiSupport;
import ua.hromada.portal.ui.upload.LimitedUpload;

/**
 * Import of a CSV or XLSX file of cards: read and checked first (how many new cards and new
 * versions, each row's problems), applied whole only when it has none.
 */
class CardImportDialog extends Dialog {
    private static final long serialVersionUID = 1L;

    private final transient CardTransfer transfer;
    private final transient PortalUser user;
    private final transient Runnable imported;
    final Paragraph summary = new Paragraph();
    final Grid<CardImportProblem> problems = new Grid<>();
    final Button apply = new Button();
    private transient CardImport preview;

    CardImportDialog(CardTransfer transfer, PortalUser user, Runnable imported) {
        this.transfer = transfer;
        this.user = user;
        this.imported = imported;
        setId("cards-import-dialog");
        setHeaderTitle(getTranslation("crm.card.ui.import.title"));
        setWidth("min(860px, 100vw)");
        Paragraph help = new Paragraph(getTranslation("crm.card.ui.import.help", String.join(", ", CardTransfer.COLUMNS)));
        Upload upload = new Upload();
        upload.setId("cards-upload");
        upload.setAcceptedFileTypes(".csv", ".xlsx", "text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        LimitedUpload.attach(this, upload, CardTransfer.MAX_IMPORT_BYTES, 1, file -> {
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
        summary.setId("cards-import-summary");
        summary.getElement().setAttribute("aria-live", "polite");
        problems.setId("cards-import-problems");
        problems.addColumn(p -> p.row() == 0 ? "" : String.valueOf(p.row()))
                .setHeader(getTranslation("crm.card.ui.import.row")).setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(p -> p.column() == null ? "" : p.column())
                .setHeader(getTranslation("crm.card.ui.import.column")).setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(p -> getTranslation(p.messageKey(), p.args().toArray()))
                .setHeader(getTranslation("crm.card.ui.import.problem")).setFlexGrow(1);
        problems.setAllRowsVisible(true);
        problems.setVisible(false);
        apply.setText(getTranslation("crm.card.ui.import.apply"));
        apply.setId("cards-import-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(false);
        apply.addClickListener(e -> apply());
        Button close = new Button(getTranslation("crm.card.ui.close"), e -> close());
        close.setId("cards-import-close");
        add(help, upload, summary, problems);
        getFooter().add(close, apply);
    }

    /** Reads and checks the file; shows what it would do or why it cannot. */
    void check(String fileName, byte[] content) {
        try {
            preview = transfer.preview(user, fileName, content);
        } catch (CrmException e) {
            preview = null;
            summary.setText(getTranslation(e.messageKey(), e.args()));
            apply.setEnabled(false);
            return;
        }
        problems.setItems(preview.problems());
        problems.setVisible(!preview.problems().isEmpty());
        apply.setEnabled(preview.applicable());
        summary.setText(preview.applicable()
                ? getTranslation("crm.card.ui.import.ready", fileName, preview.created(), preview.updated())
                : getTranslation("crm.card.ui.import.refused", fileName, preview.problems().size()));
    }

    void apply() {
        if (preview == null) {
            return;
        }
        try {
            int done = transfer.apply(user, preview);
            close();
            UiSupport.success(getTranslation("crm.card.ui.import.done", done));
            imported.run();
        } catch (CrmException e) {
            // the cards changed since the preview: the file must be checked again
            summary.setText(getTranslation(e.messageKey(), e.args()));
            apply.setEnabled(false);
        }
    }
}
