package ua.hromada.oks.ui.view;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;

import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.ExecutorOrganisation;
import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.OksLimits;
import ua.hromada.oks.api.PhotoUpload;
import ua.hromada.oks.api.StepInputs;
import ua.hromada.oks.api.StepInputs.Input;
import ua.hromada.oks.api.TransitionRequest;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.api.Violations;
import ua.hromada.oks.api.WorkflowAction;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.ui.support.UiSupport;
import ua.hromada.portal.ui.upload.LimitedUpload;
import ua.hromada.portal.ui.upload.UploadedFile;

/**
 * One workflow step on a card: a small dialog with only the inputs the step needs
 * ({@link Violations#stepInputs}). The service decides; its refusal is shown in the dialog in plain Ukrainian.
 */
class ActionDialog extends Dialog {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ActionDialog.class);

    private final transient Violations violations;
    private final transient PortalUser user;
    private final transient Violation violation;
    private final transient WorkflowAction action;
    private final transient Runnable reload;
    /** Set once the service refused: the card behind is stale then and is reloaded on closing. */
    private boolean refused;
    private final StepInputs form;

    private final ComboBox<ExecutorOrganisation> executor = new ComboBox<>();
    private final DatePicker deadline = new DatePicker();
    private final TextArea comment = new TextArea();
    private final List<UploadedFile> photos = new ArrayList<>();
    private final Paragraph error = new Paragraph();
    /** The listed file whose refusal {@link #error} shows: removing it clears the message. */
    private String refusedPhoto;

    ActionDialog(Violations violations, List<ExecutorOrganisation> executors, PortalUser user,
            Violation violation, WorkflowAction action, Runnable reload) {
        this.violations = violations;
        this.user = user;
        this.violation = violation;
        this.action = action;
        this.reload = reload;
        this.form = violations.stepInputs(action.key(), violation.deadline() != null);
        setId("oks-action-dialog");
        setHeaderTitle(OksUi.doLabel(this, getLocale(), action));
        setWidth("32rem");

        VerticalLayout body = new VerticalLayout();
        body.setPadding(false);
        Paragraph what = new Paragraph(getTranslation("oks.ui.action.entry", OksUi.status(action, getLocale())));
        what.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
        body.add(what);
        if (form.shows(Input.EXECUTOR)) {
            executor.setId("oks-action-executor");
            executor.setLabel(getTranslation("oks.ui.action.executor"));
            executor.setItems(executors.stream().filter(ExecutorOrganisation::active)
                    .filter(o -> violation.executor() == null || o.id() != violation.executor().id())
                    .sorted(Comparator.comparing(ExecutorOrganisation::name)).toList());
            executor.setItemLabelGenerator(ExecutorOrganisation::name);
            executor.setRequiredIndicatorVisible(form.requires(Input.EXECUTOR));
            executor.setWidthFull();
            body.add(executor);
        }
        if (form.shows(Input.DEADLINE)) {
            deadline.setId("oks-action-deadline");
            // sending keeps the card's deadline unless another is chosen: not "optional", just prefilled
            deadline.setLabel(getTranslation(form.requires(Input.DEADLINE) || action.kind() == ActionKind.SENT
                    ? "oks.ui.action.deadline" : "oks.ui.action.deadlineOptional"));
            UiSupport.localise(deadline);
            LocalDate earliest = violations.earliestDeadline();
            deadline.setMin(earliest);
            deadline.setRequiredIndicatorVisible(form.requires(Input.DEADLINE));
            if (violation.deadline() != null && action.kind() == ActionKind.SENT) {
                deadline.setValue(violation.deadline().isBefore(earliest) ? null : violation.deadline());
            }
            body.add(deadline);
        }
        if (form.shows(Input.COMMENT)) {
            comment.setId("oks-action-comment");
            comment.setLabel(getTranslation(form.requires(Input.COMMENT) ? "oks.ui.action.comment"
                    : "oks.ui.action.commentOptional"));
            comment.setRequiredIndicatorVisible(form.requires(Input.COMMENT));
            comment.setMaxLength(OksLimits.COMMENT);
            comment.setWidthFull();
            body.add(comment);
        }
        boolean documents = form.shows(Input.DOCUMENT);
        if (form.shows(Input.PHOTOS) || documents) {
            Upload upload = new Upload();
            LimitedUpload[] uploads = new LimitedUpload[1];
            // photos wait in temporary files, cut off on the server at the service's photo limit, and
            // are checked by the service's photo rule on arrival (no ✓ for a file the step would refuse)
            uploads[0] = LimitedUpload.attach(this, upload, violations.photoMaxBytes(), OksLimits.PHOTOS, file -> {
                try {
                    PhotoUpload received = new PhotoUpload(file.fileName(), file.bytes());
                    if (documents) {
                        violations.checkStepFile(received);
                    } else {
                        violations.checkPhoto(received);
                    }
                    photos.add(file);
                } catch (OksException e) {
                    uploads[0].release(file);
                    showError(OksUi.reason(this, e));
                    refusedPhoto = file.fileName();
                    OksUi.markRefused(upload, file.fileName());
                }
            }, this::showError);
            upload.setId("oks-action-photos");
            OksUi.photoUpload(this, upload);
            if (documents) {
                // the step takes (or requires) a PDF: the picker offers PDFs, with photos where it takes them too
                upload.setAcceptedFileTypes(form.shows(Input.PHOTOS)
                        ? new String[] {"image/jpeg", "image/png", "application/pdf", ".jpg", ".jpeg", ".png", ".pdf"}
                        : new String[] {"application/pdf", ".pdf"});
            }
            upload.addFileRemovedListener(e -> {
                photos.removeIf(p -> {
                    boolean named = p.fileName().equals(e.getFileName());
                    if (named) {
                        uploads[0].release(p);
                    }
                    return named;
                });
                if (e.getFileName().equals(refusedPhoto)) {
                    refusedPhoto = null;
                    error.setVisible(false);
                }
            });
            upload.addFileRejectedListener(e -> showError(getTranslation("oks.ui.upload.rejected", e.getErrorMessage())));
            Paragraph label = new Paragraph(filesLabel());
            label.setId("oks-action-files-label");
            body.add(label, upload);
        }
        error.setId("oks-action-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        body.add(error);
        add(body);

        Button confirm = new Button(getTranslation("oks.ui.action.confirm"), e -> submit());
        confirm.setId("oks-action-submit");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("oks.ui.action.cancel"), e -> close());
        cancel.setId("oks-action-cancel");
        getFooter().add(cancel, confirm);
        addOpenedChangeListener(e -> {
            if (!e.isOpened() && refused) {
                reload.run();
            }
        });
    }

    private void submit() {
        if (refusedPhoto != null) {
            return; // its reason is on screen; the step waits until the refused file is removed
        }
        error.setVisible(false);
        // the few checks the dialog can make itself, so a missing field is named next to it
        if (form.requires(Input.EXECUTOR) && executor.getValue() == null) {
            executor.setInvalid(true);
            executor.setErrorMessage(getTranslation("oks.ui.action.executorRequired"));
            return;
        }
        if (form.requires(Input.COMMENT) && comment.getValue().isBlank()) {
            comment.setInvalid(true);
            comment.setErrorMessage(getTranslation("oks.ui.action.commentRequired"));
            return;
        }
        if (form.requires(Input.DEADLINE) && deadline.getValue() == null) {
            deadline.setInvalid(true);
            deadline.setErrorMessage(getTranslation("oks.ui.action.deadlineRequired"));
            return;
        }
        TransitionRequest request = new TransitionRequest(action.key(),
                comment.getValue().isBlank() ? null : comment.getValue().trim(),
                executor.getValue() == null ? null : executor.getValue().id(), deadline.getValue(), OksUi.photoUploads(photos));
        try {
            Violation after = violations.transition(user, violation.id(), request);
            close();
            OksUi.success(getTranslation("oks.ui.action.done", OksUi.status(after.lastAction(), getLocale())));
            reload.run();
        } catch (OksException e) {
            if (e.reason() == OksException.Reason.CONFLICT) {
                // the card was stale (the case moved on meanwhile): nothing here can be fixed by
                // editing the dialog, so close it, say what happened and show the card as it is now
                close();
                OksUi.error(OksUi.reason(this, e));
                reload.run();
                return;
            }
            refused = true;
            showError(OksUi.reason(this, e));
        } catch (RuntimeException e) {
            showError(getTranslation("oks.ui.failed", UiSupport.logFailure(LOG,
                    "Step " + action.key() + " on violation " + violation.id() + " failed", e)));
        }
    }

    /** What the upload takes and whether the step requires it, e.g. «Документи (PDF), потрібен хоча б один». */
    private String filesLabel() {
        boolean photos = form.shows(Input.PHOTOS);
        if (!form.shows(Input.DOCUMENT)) {
            return getTranslation(form.requires(Input.PHOTOS) ? "oks.ui.action.photosRequired" : "oks.ui.action.photos");
        }
        String what = getTranslation(photos ? "oks.ui.action.photosAndDocuments" : "oks.ui.action.documents");
        String need = form.requires(Input.DOCUMENT) ? "oks.ui.action.documentRequiredHint"
                : form.requires(Input.PHOTOS) ? "oks.ui.action.photoRequiredHint" : "oks.ui.action.filesOptional";
        return what + getTranslation(need);
    }

    private void showError(String text) {
        error.setText(text);
        error.setVisible(true);
    }
}
