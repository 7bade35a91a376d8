package ua.hromada.eservices.ui.appeals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import ua.hromada.eservices.api.EservicesException;
import ua.hromada.portal.api.jdbc.EditConflictException;
import ua.hromada.portal.ui.support.EditConflicts;

/**
 * A dialog that changes something through an e-services service: the service's field errors stand
 * at the fields registered in {@link #errors}, other refusals under the form, a stale version opens
 * the portal's conflict dialog. Ids: {@code <id>} the dialog, {@code <id>-save}, {@code <id>-cancel},
 * {@code <id>-error}.
 */
class SaveDialog<T> extends Dialog {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SaveDialog.class);

    protected final FieldErrors errors = new FieldErrors(this);
    private final Paragraph formError = new Paragraph();
    private final VerticalLayout body = new VerticalLayout();
    private final Button save = new Button();
    private final Component owner;

    /** {@code owner}: the page the conflict dialog is shown over. */
    SaveDialog(Component owner, String id, String title, String saveText) {
        this.owner = owner;
        setId(id);
        setHeaderTitle(title);
        setWidth("min(40rem, 95vw)");
        body.setPadding(false);
        formError.setId(id + "-error");
        formError.getElement().setAttribute("role", "alert");
        formError.getStyle().set("color", "var(--lumo-error-text-color)");
        formError.setVisible(false);
        add(body, formError);
        Button cancel = new Button(getTranslation("eservices.ui.appeal.cancel"), e -> close());
        cancel.setId(id + "-cancel");
        save.setText(saveText);
        save.setId(id + "-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, save);
    }

    protected void content(Component... fields) {
        body.add(fields);
    }

    /**
     * What the save button does: {@code change} calls the service; its result goes to {@code done}
     * after the dialog closed; after a conflict the person may choose {@code reload}.
     */
    void onSave(Supplier<T> change, Consumer<T> done, Runnable reload) {
        save.addClickListener(e -> save(change, done, reload));
    }

    private void save(Supplier<T> change, Consumer<T> done, Runnable reload) {
        errors.clear();
        formError.setVisible(false);
        try {
            T result = change.get();
            close();
            done.accept(result);
        } catch (EditConflictException e) {
            close();
            EditConflicts.show(owner, reload);
        } catch (EservicesException e) {
            List<String> lines = new ArrayList<>();
            if (e.fieldErrors().isEmpty()) {
                lines.add(AppealsUi.reason(this, e));
            }
            lines.addAll(errors.show(e).values());
            if (!lines.isEmpty()) {
                showError(String.join(" ", lines));
            }
            errors.focusFirstInvalid();
        } catch (RuntimeException e) {
            showError(AppealsUi.failed(this, LOG, "Saving in " + getId().orElse("a dialog") + " failed", e));
        }
    }

    private void showError(String text) {
        formError.setText(text);
        formError.setVisible(true);
    }
}
