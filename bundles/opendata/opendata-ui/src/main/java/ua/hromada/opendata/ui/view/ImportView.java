package ua.hromada.opendata.ui.view;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;

import ua.hromada.opendata.api.OpendataPermissions;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.RegistryTransfer;
import ua.hromada.opendata.api.RegistryTransfer.ImportPreview;
import ua.hromada.opendata.api.RegistryTransfer.ImportResult;
import ua.hromada.opendata.api.RegistryTransfer.ImportRow;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.ui.support.UiSupport;
import ua.hromada.portal.ui.upload.LimitedUpload;

/**
 * {@code opendata/import}: an existing registry from CSV or XLSX. The file is checked row by row
 * first (nothing saved; bad rows highlighted with their reasons); then "import N valid rows" saves
 * those rows in one transaction. Export of the whole registry as CSV (ZIP) or XLSX below.
 */
public class ImportView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ImportView.class);

    private final transient RegistryTransfer transfer;
    private final transient PortalUser user;
    private final Grid<ImportRow> preview = new Grid<>();
    private final Paragraph status = new Paragraph();
    private final Button commit = new Button();
    private final Checkbox errorsOnly = new Checkbox();
    private final Paragraph managers = new Paragraph();
    private transient ImportPreview current;

    public ImportView(RegistryTransfer transfer, PortalUser user) {
        this.transfer = transfer;
        this.user = user;
        setId("opendata-import");
        setSizeFull();
        if (!OpendataPermissions.canEdit(user)) {
            add(OpendataUi.noAccess(this));
            return;
        }
        Upload upload = new Upload();
        // streamed to a temporary file and cut off on the server at the configured import limit
        LimitedUpload.attach(this, upload, transfer.maxImportBytes(), 1, file -> {
            try {
                check(file.fileName(), file.bytes());
            } finally {
                file.delete();
            }
        }, message -> {
            reset();
            status.setText(message);
            status.getStyle().set("color", "var(--lumo-error-text-color)");
            OpendataUi.error(message);
        });
        upload.setId("opendata-import-upload");
        // the CSV export is a ZIP of managers.csv, datasets.csv and resources.csv: it is read back as it is
        upload.setAcceptedFileTypes(".csv", ".xlsx", ".zip", "text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/zip",
                "application/x-zip-compressed");
        OpendataUi.localise(this, upload);
        upload.addFileRejectedListener(e -> OpendataUi.error(getTranslation("opendata.ui.upload.rejected", e.getErrorMessage())));
        upload.addFileRemovedListener(e -> reset());

        status.setId("opendata-import-status");
        commit.setId("opendata-import-commit");
        commit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        commit.setVisible(false);
        commit.addClickListener(e -> commit());

        preview.setId("opendata-import-preview");
        preview.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        preview.addColumn(ImportRow::rowNumber).setHeader(getTranslation("opendata.ui.import.row")).setAutoWidth(true)
                .setFlexGrow(0);
        preview.addColumn(r -> nz(r.identifier())).setHeader(getTranslation("opendata.ui.field.identifier")).setFlexGrow(2);
        preview.addColumn(r -> nz(r.title())).setHeader(getTranslation("opendata.ui.field.title")).setFlexGrow(3);
        preview.addColumn(r -> nz(r.managerName())).setHeader(getTranslation("opendata.ui.field.manager")).setFlexGrow(2);
        preview.addComponentColumn(r -> {
            boolean ok = r.errors().isEmpty();
            Span badge = new Span(getTranslation(!ok ? "opendata.ui.import.bad" : r.created() ? "opendata.ui.import.create"
                    : "opendata.ui.import.update"));
            badge.getElement().getThemeList().add(ok ? "badge success" : "badge error");
            return badge;
        }).setHeader(getTranslation("opendata.ui.import.action")).setAutoWidth(true).setFlexGrow(0);
        preview.addComponentColumn(r -> {
            Div errors = new Div();
            errors.addClassName("opendata-import-errors");
            errors.getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "pre-wrap");
            errors.setText(String.join("\n", r.errors()));
            return errors;
        }).setHeader(getTranslation("opendata.ui.import.errors")).setFlexGrow(4);
        // a row that cannot be imported stands out in the list, not only by its badge
        preview.setPartNameGenerator(r -> r.errors().isEmpty() ? null : "opendata-bad-row");
        OpendataUi.globalStyle(preview, "opendata-bad-row",
                "vaadin-grid::part(opendata-bad-row){background:var(--lumo-error-color-10pct)}");
        preview.setEmptyStateText(getTranslation("opendata.ui.import.empty"));
        // a long file shows many rows at once; the page scrolls past the grid to the export below
        preview.setHeight("70vh");
        preview.setMinHeight("20rem");
        errorsOnly.setLabel(getTranslation("opendata.ui.import.errorsOnly"));
        errorsOnly.setId("opendata-import-errors-only");
        errorsOnly.setVisible(false);
        errorsOnly.addValueChangeListener(e -> showRows());
        managers.setId("opendata-import-managers");
        managers.setVisible(false);

        add(new H2(getTranslation("opendata.ui.import.title")), new Paragraph(getTranslation("opendata.ui.import.help")),
                upload, status, managers, commit, errorsOnly, preview, exports());
    }

    private void check(String fileName, byte[] bytes) {
        reset();
        try {
            current = transfer.preview(user, fileName, bytes);
            showRows();
            errorsOnly.setVisible(true);
            if (!current.newManagers().isEmpty()) {
                managers.setText(getTranslation("opendata.ui.import.newManagers", current.newManagers().size(),
                        String.join("; ", current.newManagers())));
                managers.getElement().setAttribute("data-count", Integer.toString(current.newManagers().size()));
                managers.setVisible(true);
            }
            long valid = current.valid();
            int total = current.rows().size();
            status.setText(getTranslation("opendata.ui.import.previewStatus", fileName, total, valid, total - valid));
            status.getElement().setAttribute("data-valid", Long.toString(valid));
            commit.setText(getTranslation("opendata.ui.import.commit", valid));
            commit.setVisible(true);
            commit.setEnabled(valid > 0);
        } catch (OpendataException e) {
            status.setText(OpendataUi.reason(this, e));
            status.getStyle().set("color", "var(--lumo-error-text-color)");
        } catch (RuntimeException e) {
            status.setText(getTranslation("opendata.ui.failed", UiSupport.logFailure(LOG, "Import preview failed", e)));
        }
    }

    private void commit() {
        if (current == null) {
            return;
        }
        try {
            ImportResult r = transfer.commit(user, current);
            status.setText(getTranslation("opendata.ui.import.done", r.created(), r.updated(), r.skipped(), r.unchanged(),
                    r.managersCreated()));
            status.getElement().setAttribute("data-created", Integer.toString(r.created()));
            status.getElement().setAttribute("data-unchanged", Integer.toString(r.unchanged()));
            status.getElement().setAttribute("data-managers", Integer.toString(r.managersCreated()));
            OpendataUi.success(status.getText());
            current = null;
            commit.setVisible(false);
        } catch (OpendataException e) {
            status.setText(OpendataUi.reason(this, e));
        } catch (RuntimeException e) {
            status.setText(getTranslation("opendata.ui.failed", UiSupport.logFailure(LOG, "Import failed", e)));
        }
    }

    /** The rows of the preview, or only those that cannot be imported. */
    private void showRows() {
        if (current == null) {
            preview.setItems();
            return;
        }
        preview.setItems(errorsOnly.getValue()
                ? current.rows().stream().filter(r -> !r.errors().isEmpty()).toList() : current.rows());
    }

    private void reset() {
        current = null;
        for (String a : new String[] {"data-valid", "data-created", "data-unchanged", "data-managers"}) {
            status.getElement().removeAttribute(a);
        }
        preview.setItems();
        errorsOnly.setValue(false);
        errorsOnly.setVisible(false);
        managers.setVisible(false);
        managers.setText("");
        status.setText("");
        status.getStyle().remove("color");
        commit.setVisible(false);
    }

    private VerticalLayout exports() {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.add(new H3(getTranslation("opendata.ui.export.title")));
        HorizontalLayout buttons = new HorizontalLayout();
        for (RegistryTransfer.Format f : RegistryTransfer.Format.values()) {
            Anchor a = new Anchor(export(f), AttachmentType.DOWNLOAD, "");
            Button face = new Button(getTranslation("opendata.ui.export." + f.name()), VaadinIcon.DOWNLOAD.create());
            a.add(face);
            a.setId("opendata-export-" + f.name().toLowerCase(java.util.Locale.ROOT));
            buttons.add(a);
        }
        box.add(buttons);
        return box;
    }

    private DownloadHandler export(RegistryTransfer.Format format) {
        return UiSupport.download(() -> transfer.exportFileName(format), format == RegistryTransfer.Format.XLSX
                ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "application/zip",
                LOG, "Export of the registry failed", out -> transfer.export(user, format, out));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
