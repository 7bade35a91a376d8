package ua.hromada.portal.ui.support;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/**
 * The portal's question before an action that cannot be undone (a deletion, stopping a module): the
 * action runs only on the red confirming button, cancelling leaves everything as it was. The dialog
 * is {@code id} and its button {@code id-yes}, so a page's tests find them.
 */
public final class Confirmation {

    private Confirmation() {
    }

    /** Asks {@code text} under {@code header}; {@code confirmText} labels the red button that runs {@code action}. */
    public static ConfirmDialog ask(String id, String header, String text, String cancelText, String confirmText,
            Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId(id);
        dialog.setHeader(header);
        dialog.setText(text);
        dialog.setCancelable(true);
        dialog.setCancelText(cancelText);
        Button yes = new Button(confirmText, e -> {
            dialog.close();
            action.run();
        });
        yes.setId(id + "-yes");
        yes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.setConfirmButton(yes);
        dialog.open();
        return dialog;
    }
}
