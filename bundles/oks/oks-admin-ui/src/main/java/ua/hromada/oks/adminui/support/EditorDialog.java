package ua.hromada.oks.adminui.support;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;

import ua.hromada.oks.api.OksException;
import ua.hromada.portal.api.jdbc.EditConflictException;
import ua.hromada.portal.ui.support.EditConflicts;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * The catalogue views' add/edit dialog: a form, Enter saves, Esc or "Скасувати" cancels, and a
 * refusal of the service is shown inside the dialog in the service's own words.
 */
public class EditorDialog extends Dialog {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(EditorDialog.class);

    private final FormLayout form = new FormLayout();
    private final Paragraph problem = new Paragraph();
    private final Button save;
    private final Button cancel;
    private transient Supplier<String> saveAction;
    private transient Runnable afterSave;
    private transient Runnable reload;

    public EditorDialog(String title, String id) {
        setHeaderTitle(title);
        setId(id);
        setCloseOnEsc(true);
        setCloseOnOutsideClick(false);
        setWidth("min(40rem, 95vw)");
        problem.setVisible(false);
        problem.getElement().setAttribute("role", "alert");
        problem.addClassName("oks-editor-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        add(problem, form);
        save = new Button(getTranslation("oks.adminui.common.save"), e -> save());
        save.setId(id + "-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER).listenOn(this);
        cancel = new Button(getTranslation("oks.adminui.common.cancel"), e -> close());
        cancel.setId(id + "-cancel");
        // Enter on a focused footer button is that button's own click, not "save"
        Shortcuts.addShortcutListener(this, () -> { }, Key.ENTER).listenOn(cancel, save).allowBrowserDefault();
        getFooter().add(cancel, save);
    }

    /** Adds fields to the form; a field given {@code wide} takes the whole row. */
    public EditorDialog field(Component field, boolean wide) {
        form.add(field);
        if (wide) {
            form.setColspan(field, 2);
        }
        return this;
    }

    /**
     * Enter inside this component keeps its own meaning (a new line in a text area, choosing
     * from a combo box' list) instead of saving the dialog.
     */
    public void keepEnter(Component component) {
        Shortcuts.addShortcutListener(this, () -> { }, Key.ENTER).listenOn(component).allowBrowserDefault();
    }

    /**
     * @param action   saves and returns the success message; refusals are {@link OksException}s
     * @param onSaved  runs after a successful save (refresh the grid)
     */
    public EditorDialog onSave(Supplier<String> action, Runnable onSaved) {
        this.saveAction = action;
        this.afterSave = onSaved;
        return this;
    }

    /**
     * What "load the current record" does when the save is refused because someone else changed
     * the entry meanwhile (re-read it and open the form again); without it the grid is refreshed.
     */
    public EditorDialog onConflict(Runnable reloadCurrent) {
        this.reload = reloadCurrent;
        return this;
    }

    /** Shows a problem found before calling the service (e.g. no signed-in user). */
    public void showProblem(String text) {
        problem.setText(text);
        problem.setVisible(true);
    }

    void save() {
        try {
            String message = saveAction.get();
            close();
            Feedback.success(message);
            afterSave.run();
        } catch (EditConflictException e) {
            // nothing was saved; the person's typing stays until they choose to load the current entry
            EditConflicts.show(this, () -> {
                close();
                afterSave.run();
                if (reload != null) {
                    reload.run();
                }
            });
        } catch (OksException e) {
            showProblem(getTranslation(e.messageKey(), e.args()));
        } catch (RuntimeException e) {
            showProblem(getTranslation("oks.adminui.common.failed", UiSupport.logFailure(LOG, "Catalogue save failed", e)));
        }
    }
}
