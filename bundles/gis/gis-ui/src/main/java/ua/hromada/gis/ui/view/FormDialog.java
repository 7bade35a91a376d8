package ua.hromada.gis.ui.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.component.textfield.TextField;

import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.ValidationError;
import ua.hromada.portal.api.jdbc.EditConflictException;
import ua.hromada.portal.ui.support.EditConflicts;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * A dialog that saves through a GIS service: the service's errors stand at their fields (those
 * {@linkplain #register registered} under the service's field names, or where the form says), the
 * rest under the form; a stale version opens the portal's conflict dialog. Its element ids start
 * with the form's prefix: {@code <prefix>-form}, {@code -form-error}, {@code -save}, one per field.
 */
abstract class FormDialog<T> extends Dialog {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(FormDialog.class);

    protected final Paragraph formError = new Paragraph();
    private final transient Consumer<T> saved;
    private final String idPrefix;
    private final transient Map<String, HasValidationProperties> byField = new HashMap<>();

    /** {@code saved} gets the saved value, or null when the person reloads after a conflict. */
    FormDialog(String idPrefix, Consumer<T> saved) {
        this.idPrefix = idPrefix;
        this.saved = saved;
        setId(idPrefix + "-form");
        formError.setId(idPrefix + "-form-error");
        formError.getStyle().set("color", "var(--lumo-error-text-color)");
    }

    /**
     * Labels a field, gives it the id {@code <prefix>-<name>} (dots as dashes) and makes it where the
     * service's errors of the field {@code name} stand.
     */
    protected <C extends Component & HasLabel> void register(C field, String name, String labelKey) {
        field.setLabel(getTranslation(labelKey));
        field.setId(idPrefix + "-" + name.replace('.', '-'));
        if (field instanceof HasValidationProperties v) {
            byField.put(name, v);
        }
    }

    /** A registered text field with its value (null as empty). */
    protected void text(TextField field, String name, String labelKey, String value) {
        register(field, name, labelKey);
        field.setValue(value == null ? "" : value);
    }

    /** Cancel and save at the dialog's foot; Enter anywhere in the dialog saves. */
    protected void saveButtons(Runnable save) {
        Button cancel = new Button(getTranslation("gis.ui.cancel"), e -> close());
        cancel.setId(idPrefix + "-cancel");
        Button button = new Button(getTranslation("gis.ui.save"), e -> save.run());
        button.setId(idPrefix + "-save");
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button.addClickShortcut(Key.ENTER).listenOn(this);
        getFooter().add(cancel, button);
    }

    /** A form of up to {@code most} columns as the dialog's width allows. */
    protected static FormLayout columns(int most, Component... fields) {
        FormLayout f = new FormLayout(fields);
        List<FormLayout.ResponsiveStep> steps = new ArrayList<>(List.of(new FormLayout.ResponsiveStep("0", 1),
                new FormLayout.ResponsiveStep("30rem", 2), new FormLayout.ResponsiveStep("50rem", 3)));
        f.setResponsiveSteps(steps.subList(0, Math.min(most, steps.size())));
        return f;
    }

    /** Puts an error at its registered field; false when the form has no field for it. */
    protected boolean placeAtField(ValidationError error, String message) {
        HasValidationProperties target = byField.get(error.field() == null ? "" : error.field());
        if (target == null) {
            return false;
        }
        target.setInvalid(true);
        target.setErrorMessage(message);
        return true;
    }

    protected void clearFieldErrors() {
        byField.values().forEach(v -> v.setInvalid(false));
    }

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
