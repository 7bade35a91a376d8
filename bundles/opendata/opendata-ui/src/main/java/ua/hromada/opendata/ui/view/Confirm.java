package ua.hromada.opendata.ui.view;

import com.vaadin.flow.component.Component;
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
        dialog.setConfirmText(owner.getTranslation(confirmKey));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> action.run());
        dialog.open();
        return dialog;
    }
}
