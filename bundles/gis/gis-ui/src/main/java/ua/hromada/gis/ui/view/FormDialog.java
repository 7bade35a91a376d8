package ua.hromada.gis.ui.view;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.ValidationError;
import ua.hromada.portal.api.jdbc.EditConflictException;
import ua.hromada.portal.ui.support.EditConflicts;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * A dialog that saves through a GIS service: the service's errors stand at their fields (the form
 * says where), the rest under the form; a stale version opens the portal's conflict dialog.
 */
abstract class FormDialog<T> extends Dialog {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(FormDialog.class);

    protected final Paragraph formError = new Paragraph();
    private final transient Consumer<T> saved;

    /** {@code saved} gets the saved value, or null when the person reloads after a conflict. */
    FormDialog(String errorId, Consumer<T> saved) {
        this.saved = saved;
        formError.setId(errorId);
        formError.getStyle().set("color", "var(--lumo-error-text-color)");
    }

    /** Puts an error at its field; false when the form has no field for it. */
    protected abstract boolean placeAtField(ValidationError error, String message);

    protected abstract void clearFieldErrors();

    protected void save(Supplier<T> change, String what) {
        formError.setText("");
        clearFieldErrors();
        try {
            T result = change.get();
            close();
            saved.accept(result);
        } catch (EditConflictException e) {
            EditConflicts.show(this, () -> {
                close();
                saved.accept(null);
            });
        } catch (GisException e) {
            showErrors(e);
        } catch (RuntimeException e) {
            formError.setText(getTranslation("gis.ui.failed", UiSupport.logFailure(LOG, what, e)));
        }
    }

    private void showErrors(GisException e) {
        if (e.errors().isEmpty()) {
            formError.setText(GisUi.reason(this, e));
            return;
        }
        List<String> other = new ArrayList<>();
        for (ValidationError v : e.errors()) {
            String message = GisUi.text(this, v);
            if (!placeAtField(v, message)) {
                other.add(message);
            }
        }
        formError.setText(String.join(" ", other));
    }
}
