package ua.hromada.opendata.ui.view;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

import ua.hromada.portal.ui.support.Confirmation;

/** A question before an action that cannot be undone (a deletion): the action runs only on "yes". */
final class Confirm {

    private Confirm() {
    }

    /** Asks {@code text} under {@code header}; {@code confirmKey} labels the red confirming button. */
    static ConfirmDialog ask(Component owner, String header, String text, String confirmKey, Runnable action) {
        return Confirmation.ask("opendata-confirm", header, text, owner.getTranslation("opendata.ui.confirm.cancel"),
                owner.getTranslation(confirmKey), action);
    }
}
