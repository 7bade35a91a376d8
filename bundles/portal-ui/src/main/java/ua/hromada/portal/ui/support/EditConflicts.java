package ua.hromada.portal.ui.support;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

import ua.hromada.portal.api.jdbc.EditConflictException;

/**
 * How every form answers an {@link EditConflictException}: the person is told that someone else
 * changed the record meanwhile and that nothing of theirs was saved, and is offered to reload the
 * form with the current data (their own typing stays on the screen until they choose to).
 */
public final class EditConflicts {

    private EditConflicts() {
    }

    /**
     * Shows the conflict dialog; {@code reload} runs when the person chooses to load the current
     * record (it should re-read the record and refill the form, version included).
     */
    public static ConfirmDialog show(Component source, Runnable reload) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("edit-conflict-dialog");
        dialog.setHeader(source.getTranslation("edit.conflict.title"));
        dialog.setText(source.getTranslation(EditConflictException.MESSAGE_KEY));
        Button reloadButton = new Button(source.getTranslation("edit.conflict.reload"), e -> {
            dialog.close();
            reload.run();
        });
        reloadButton.setId("edit-conflict-reload");
        reloadButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.setConfirmButton(reloadButton);
        dialog.setCancelable(true);
        dialog.setCancelText(source.getTranslation("edit.conflict.keep"));
        dialog.open();
        return dialog;
    }
}
