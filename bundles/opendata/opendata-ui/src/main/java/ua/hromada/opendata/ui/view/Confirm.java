package ua.hromada.opendata.ui.view;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/** A question before an action that cannot be undone (a deletion): the action runs only on "yes". */
final class Confirm {

    private Confirm() {
    }

    /** Asks {@code text} under {@code header}; {@code confirmKey} labels the red confirming button. */
    static ConfirmDialog ask(Component owner, String header, String text, String confirmKey, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("opendata-confirm");
        dialog.setHeader(header);
        dialog.setText(text);
        dialog.setCancelable(true);
        dialog.setCancelText(owner.getTranslation("opendata.ui.confirm.cancel"));
        Button yes = new Button(owner.getTranslation(confirmKey), e -> {
            dialog.close();
            action.run();
        });
        yes.setId("opendata-confirm-yes");
        yes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.setConfirmButton(yes);
        dialog.open();
        return dialog;
    }
}
