package ua.hromada.opendata.ui.view;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.formlayout.FormLayout;

import ua.hromada.opendata.api.OpendataException;

/**
 * A form's inputs by their label. The labels are the national wording the registry uses to name
 * a field in its refusals ("Не заповнено обов’язкове поле «{0}»"), so a refusal marks its input.
 */
final class LabelledFields implements Serializable {

    private static final long serialVersionUID = 1L;
    private final Map<String, HasValidation> byLabel = new HashMap<>();

    <C extends Component & HasValidation> void add(FormLayout form, C field, String label, String id, int colspan) {
        field.getElement().setProperty("label", label);
        field.setId(id);
        field.getElement().getStyle().set("width", "100%");
        byLabel.put(label, field);
        form.add(field, colspan);
    }

    /** The input a refusal names in its first argument, if any. */
    HasValidation named(OpendataException e) {
        Object[] args = e.args();
        return args.length > 0 && args[0] != null ? byLabel.get(args[0].toString()) : null;
    }

    /**
     * The input a refusal is about: the one named in its first argument, else the one its message
     * key belongs to ({@code byKey} answers null for a refusal about no single input).
     */
    HasValidation fieldOf(OpendataException e, Function<String, HasValidation> byKey) {
        HasValidation named = named(e);
        return named != null ? named : byKey.apply(e.messageKey());
    }

    void mark(HasValidation field, String message) {
        if (field != null) {
            field.setErrorMessage(message);
            field.setInvalid(true);
        }
    }

    void clear() {
        byLabel.values().forEach(f -> f.setInvalid(false));
    }

    void setReadOnly(boolean readOnly) {
        byLabel.values().forEach(f -> ((Component) f).getElement().setProperty("readonly", readOnly));
    }
}
