package ua.hromada.docsearch.ui.view;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.UI;
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
import ua.hromada.docsearch.api.LegalActSearch;
import ua.hromada.docsearch.api.DocsearchException;
import ua.hromada.docsearch.api.ValidationException;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.ui.support.ProgressPush;
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
    /** Pushing more often than this only loads the connection; the bar looks the same. */

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
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private transient Thread worker;
    /** Ends the poll that runs while the worker does. */
    private transient Runnable stopPolling = () -> { };

    public ImportView(BulkImport bulkImport, CurrentUser currentUser) {
        this.bulkImport = bulkImport;
        this.currentUser = currentUser;
        setId("import-view");
        setSizeFull();
        Upload upload = new Upload();
        // the archive goes to a temporary file, cut off at the configured limit; never into memory
        uploads = LimitedUpload.attach(this, upload, bulkImport.limits().maxZipBytes(), 1, file -> {
            if (zip != null && worker == null) {
                uploads().release(zip);
            }
            zip = file;
            zipName = file.fileName();
            status.setText(getTranslation("docsearch.ui.import.ready", zipName, (file.size() + 1023) / 1024));
            start.setEnabled(worker == null);
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
        cancel.setEnabled(false);
        cancel.addClickListener(e -> {
            cancelled.set(true);
            cancel.setEnabled(false);
            status.setText(getTranslation("docsearch.ui.import.cancelling"));
        });
        progress.setId("import-progress");
        progress.setVisible(false);
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
        UI ui = UI.getCurrent();
        UploadedFile data = zip;
        if (data == null || worker != null) {
            start.setEnabled(worker == null && zip != null);
            return;
        }
        PortalUser user = ViewSupport.user(currentUser);
        cancelled.set(false);
        start.setEnabled(false);
        cancel.setEnabled(true);
        progress.setVisible(true);
        progress.setIndeterminate(true);
        report.setItems();
        stopPolling = UiSupport.pollWhileRunning(ui, this);
        ProgressPush shown = new ProgressPush(ui, LOG, progress, (done, total) -> {
            if (!cancelled.get()) {
                status.setText(getTranslation("docsearch.ui.import.progress", done, total));
            }
        });
        LegalActSearch.Progress listener = new LegalActSearch.Progress() {
            @Override
            public void update(long done, long total) {
                shown.update(done, total);
            }

            @Override
            public boolean cancelled() {
                return cancelled.get();
            }
        };
        // the import can take minutes: a thread of its own, never the UI thread
        worker = new Thread(() -> {
            try (InputStream in = data.open()) {
                ImportReport result = bulkImport.importZip(in, listener, user);
                UiSupport.access(ui, LOG, () -> finished(result, null));
            } catch (ValidationException e) {
                // not a ZIP, no metadata.csv...: the person gets the reason, not an error id
                LOG.info("Import of {} refused: {}", zipName, e.fieldErrors());
                UiSupport.access(ui, LOG, () -> refused(e));
            } catch (DocsearchException e) {
                // a refusal of another kind (no right to import): its reason, not an error id
                UiSupport.access(ui, LOG, () -> refused(e));
            } catch (IOException | RuntimeException e) {
                String id = UiSupport.logFailure(LOG, "Import of " + zipName + " failed", e);
                UiSupport.access(ui, LOG, () -> finished(null, id));
            }
        }, "docsearch-import-" + (user == null ? "" : user.username()));
        worker.setDaemon(true);
        worker.start();
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
        worker = null;
        stopPolling.run();
        progress.setVisible(false);
        cancel.setEnabled(false);
        start.setEnabled(zip != null);
        if (result == null) {
            status.setText(errorId == null ? "" : getTranslation("docsearch.ui.import.failed", errorId));
            return;
        }
        status.setText(getTranslation("docsearch.ui.import.done", result.rows(), result.created(), result.failed()));
        report.setItems(result.results());
    }
}
