package ua.hromada.eservices.ui.appeals;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.shared.HasValidationProperties;

import ua.hromada.eservices.api.EservicesException;

/**
 * A form's fields by the service's field names: {@link EservicesException#fieldErrors()} are put at
 * their fields (the field's own error message, which Vaadin ties to the input for screen readers).
 */
final class FieldErrors implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Component owner;
    private final Map<String, HasValidationProperties> fields = new LinkedHashMap<>();

    FieldErrors(Component owner) {
        this.owner = owner;
    }

    /** The field where the service's errors of {@code name} (and of any {@code alias}) stand. */
    <F extends Component & HasValidationProperties> F add(F field, String name, String... aliases) {
        fields.put(name, field);
        for (String alias : aliases) {
            fields.put(alias, field);
        }
        return field;
    }

    void clear() {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
    }

    /**
     * Puts each error at its field; answers the errors this form has no field for (field name →
     * message), for the form to show elsewhere.
     */
    Map<String, String> show(EservicesException e) {
        Map<String, String> elsewhere = new TreeMap<>();
        e.fieldErrors().forEach((name, key) -> {
            String message = owner.getTranslation(key);
            HasValidationProperties field = fields.get(name);
            if (field == null) {
                elsewhere.put(name, message);
            } else {
                field.setErrorMessage(message);
                field.setInvalid(true);
            }
        });
        return elsewhere;
    }

    /** The first marked field in the form's order, to move the focus to. */
    Optional<Component> firstInvalid() {
        return fields.values().stream().filter(HasValidationProperties::isInvalid).map(f -> (Component) f).findFirst();
    }

    /** Moves the focus to the first marked field, if it can take it. */
    void focusFirstInvalid() {
        firstInvalid().filter(Focusable.class::isInstance).map(Focusable.class::cast).ifPresent(Focusable::focus);
    }

    /** The field registered under {@code name}, for tests and for a view's own checks. */
    Optional<HasValidationProperties> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }
}
