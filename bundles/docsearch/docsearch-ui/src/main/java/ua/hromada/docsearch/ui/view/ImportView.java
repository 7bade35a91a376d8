package ua.hromada.docsearch.ui.view;

import java.io.InputStream;
import java.util.concurrent.CancellationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;

import ua.hromada.docsearch.api.BulkImport;
import ua.hromada.docsearch.api.BulkImport.ImportReport;
import ua.hromada.docsearch.api.BulkImport.RowResult;
import ua.hromada.docsearch.api.DocsearchException;
import ua.hromada.docsearch.api.ValidationException;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.jobs.Jobs;
import ua.hromada.portal.ui.support.JobRunner;
import ua.hromada.portal.ui.support.UiSupport;
import ua.hromada.portal.ui.upload.LimitedUpload;
import ua.hromada.portal.ui.upload.UploadedFile;

/**
 * {@code docs/import}: upload a ZIP with files and metadata.csv, run the import off the UI
 * thread with a progress bar updated by push, stop it on request, and show a report per row.
 */
public class ImportView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ImportView.class);

    private final transient BulkImport bulkImport;
    private final transient CurrentUser currentUser;
    private final Paragraph status = new Paragraph();
    private final ProgressBar progress = new ProgressBar();
    private final Button start = new Button();
    private final Button cancel = new Button();
    private final Grid<RowResult> report = new Grid<>();
    private UploadedFile zip;
    private String zipName;
    private final LimitedUpload uploads;
    private final transient Jobs jobs;
    private final JobRunner runner;

    public ImportView(BulkImport bulkImport, CurrentUser currentUser, Jobs jobs) {
        this.bulkImport = bulkImport;
        this.currentUser = currentUser;
        this.jobs = jobs;
        this.runner = new JobRunner(this, progress, status, cancel, getTranslation("docsearch.ui.import.cancelling"));
        setId("import-view");
        setSizeFull();
        Upload upload = new Upload();
        // the archive goes to a temporary file, cut off at the configured limit; never into memory
        uploads = LimitedUpload.attach(this, upload, bulkImport.limits().maxZipBytes(), 1, file -> {
            if (zip != null && !runner.running()) {
                uploads().release(zip);
            }
            zip = file;
            zipName = file.fileName();
            status.setText(getTranslation("docsearch.ui.import.ready", zipName, (file.size() + 1023) / 1024));
            start.setEnabled(!runner.running());
        }, message -> {
            status.setText(message);
            ViewSupport.error(message);
        });
        upload.setId("import-upload");
        upload.setAcceptedFileTypes(".zip", "application/zip");
        String limit = LimitedUpload.megabytes(bulkImport.limits().maxZipBytes());
        ViewSupport.localise(this, upload, limit);
        Span zipLimit = new Span(getTranslation("docsearch.ui.import.limit", limit));
        zipLimit.setId("import-limit");
        zipLimit.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        upload.setDropLabel(new Span(getTranslation("docsearch.ui.import.drop")));
        upload.addFileRejectedListener(e -> {
            String message = getTranslation("docsearch.ui.form.fileRejectedNamed", e.getFileName(), e.getErrorMessage());
            status.setText(message);
            ViewSupport.error(message);
        });

        start.setText(getTranslation("docsearch.ui.import.start"));
        start.setId("import-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setEnabled(false);
        // disabled in the browser at the click itself: a double click cannot send a second start
        start.setDisableOnClick(true);
        start.addClickListener(e -> startImport());
        cancel.setText(getTranslation("docsearch.ui.import.cancel"));
        cancel.setId("import-cancel");
        progress.setId("import-progress");
        status.setId("import-status");

        report.setId("import-report");
        report.addColumn(RowResult::row).setHeader(getTranslation("docsearch.ui.import.row")).setAutoWidth(true).setFlexGrow(0);
        report.addColumn(RowResult::fileName).setHeader(getTranslation("docsearch.ui.import.file")).setAutoWidth(true);
        report.addComponentColumn(r -> {
            Span badge = new Span(getTranslation(r.ok() ? "docsearch.ui.import.ok" : "docsearch.ui.import.error"));
            badge.getElement().getThemeList().add(r.ok() ? "badge success" : "badge error");
            return badge;
        }).setHeader(getTranslation("docsearch.ui.import.result")).setAutoWidth(true).setFlexGrow(0);
        report.addColumn(r -> r.messageKey() == null ? "" : getTranslation(r.messageKey(), r.args().toArray()))
                .setHeader(getTranslation("docsearch.ui.import.error")).setFlexGrow(1);
        report.addComponentColumn(r -> r.actId() == null ? new Span()
                : new Anchor(SearchView.ACT_ROUTE + r.actId(), getTranslation("docsearch.ui.import.open")))
                .setHeader(getTranslation("docsearch.ui.import.act")).setAutoWidth(true).setFlexGrow(0);
        report.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        report.setEmptyStateText(getTranslation("docsearch.ui.import.empty"));

        HorizontalLayout actions = new HorizontalLayout(start, cancel);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        add(new H2(getTranslation("docsearch.ui.import.title")), new Paragraph(getTranslation("docsearch.ui.import.help")),
                zipLimit, upload, actions, progress, status, report);
        if (bulkImport.running()) {
            // started in another tab or by a colleague: this page's start would be refused anyway
            status.setText(getTranslation("docsearch.import.error.running"));
        }
        expand(report);
    }

    private LimitedUpload uploads() {
        return uploads;
    }

    private void startImport() {
        UploadedFile data = zip;
        if (data == null || runner.running()) {
            start.setEnabled(!runner.running() && zip != null);
            return;
        }
        PortalUser user = ViewSupport.user(currentUser);
        // the import can take minutes: a job on the import pool, never the UI thread
        runner.start(jobs, "docsearch.import", "import " + data.fileName(), job -> {
            try (InputStream in = data.open()) {
                return bulkImport.importZip(in, job, user);
            }
        }, (done, total) -> getTranslation("docsearch.ui.import.progress", done, total), this::ended);
        start.setEnabled(false);
        report.setItems();
    }

    private void ended(ImportReport result, Throwable error) {
        if (error instanceof ValidationException e) {
            // not a ZIP, no metadata.csv...: the person gets the reason, not an error id
            LOG.info("Import of {} refused: {}", zipName, e.fieldErrors());
            refused(e);
        } else if (error instanceof DocsearchException e) {
            // a refusal of another kind (no right to import): its reason, not an error id
            refused(e);
        } else if (error instanceof CancellationException) {
            finished(null, null);
        } else if (error != null) {
            finished(null, UiSupport.logFailure(LOG, "Import of " + zipName + " failed", error));
        } else {
            finished(result, null);
        }
    }

    private void refused(ValidationException e) {
        finished(null, null);
        status.setText(String.join(" ", e.fieldErrors().entrySet().stream()
                .map(f -> getTranslation(f.getValue(), e.args(f.getKey()))).toList()));
    }

    private void refused(DocsearchException e) {
        finished(null, null);
        status.setText(getTranslation(e.messageKey(), e.args()));
    }

    private void finished(ImportReport result, String errorId) {
        start.setEnabled(zip != null);
        if (result == null) {
            status.setText(errorId == null ? "" : getTranslation("docsearch.ui.import.failed", errorId));
            return;
        }
        status.setText(getTranslation("docsearch.ui.import.done", result.rows(), result.created(), result.failed()));
        report.setItems(result.results());
    }
}
