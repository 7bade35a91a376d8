package ua.hromada.eservices.ui.appeals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;

import ua.hromada.eservices.api.AppealForm.AppealFile;
import ua.hromada.eservices.api.IntakeLimits;
import ua.hromada.portal.ui.support.ComponentTexts;
import ua.hromada.portal.ui.upload.LimitedUpload;
import ua.hromada.portal.ui.upload.UploadedFile;

/**
 * The appeal's files: at most the configured number and size (cut off on the server by
 * {@link LimitedUpload}), kept in temporary files until the appeal is sent. The service checks each
 * file's type by its content; the browser's filter only spares the person a refusal.
 */
final class AttachedFiles extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    /** The browser's filter for the type names the service accepts; a name not here switches the filter off. */
    private static final Map<String, List<String>> ACCEPT = Map.of(
            "JPEG", List.of("image/jpeg", ".jpg", ".jpeg"),
            "PNG", List.of("image/png", ".png"),
            "PDF", List.of("application/pdf", ".pdf"),
            "GIF", List.of("image/gif", ".gif"),
            "WEBP", List.of("image/webp", ".webp"),
            "HEIC", List.of("image/heic", ".heic"));

    private final Upload upload = new Upload();
    private final Paragraph error = new Paragraph();
    private final List<UploadedFile> files = new ArrayList<>();
    private final LimitedUpload handler;

    AttachedFiles(IntakeLimits limits) {
        setPadding(false);
        setId("eservices-appeal-files-box");
        H2 title = new H2(getTranslation("eservices.ui.appeal.form.files"));
        Paragraph hint = new Paragraph(getTranslation("eservices.ui.appeal.form.filesHint", limits.maxFiles(),
                LimitedUpload.megabytes(limits.maxFileBytes()), String.join(", ", limits.fileTypes())));
        hint.setId("eservices-appeal-files-hint");
        hint.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
        upload.setId("eservices-appeal-files");
        ComponentTexts.upload(this, upload);
        accept(limits.fileTypes());
        handler = LimitedUpload.attach(this, upload, limits.maxFileBytes(), limits.maxFiles(), this::arrived,
                this::refused);
        upload.addFileRemovedListener(e -> files.removeIf(f -> {
            boolean named = f.fileName().equals(e.getFileName());
            if (named) {
                handler.release(f);
            }
            return named;
        }));
        upload.addFileRejectedListener(e -> refused(e.getErrorMessage()));
        upload.getElement().setAttribute("aria-describedby", "eservices-appeal-files-hint");
        error.setId("eservices-appeal-files-error");
        error.getElement().setAttribute("role", "alert");
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("margin", "0");
        error.setVisible(false);
        add(title, hint, upload, error);
    }

    private void accept(List<String> typeNames) {
        List<String> accepted = new ArrayList<>();
        for (String name : typeNames) {
            List<String> kinds = ACCEPT.get(name.toUpperCase(Locale.ROOT));
            if (kinds == null) {
                return; // a type the browser filter cannot name: let the service judge every file
            }
            accepted.addAll(kinds);
        }
        if (!accepted.isEmpty()) {
            upload.setAcceptedFileTypes(accepted.toArray(String[]::new));
        }
    }

    private void arrived(UploadedFile file) {
        files.add(file);
        error.setVisible(false);
    }

    private void refused(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    /** A file's refusal by the service (its type, its name) under the list. */
    void showError(String message) {
        refused(message);
    }

    void clearError() {
        error.setVisible(false);
    }

    /** The files as the form sends them (their temporary files stay until {@link #releaseAll}). */
    List<AppealFile> forForm() {
        return files.stream().map(f -> new AppealFile(f.fileName(), f.path())).toList();
    }

    /** The appeal was sent: its temporary files go now. */
    void releaseAll() {
        files.forEach(handler::release);
        files.clear();
        upload.clearFileList();
    }
}
