package ua.hromada.portal.shell.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;

/**
 * A form's refusals at the fields they are about: a message key prefix names the field; a key no
 * prefix matches goes to the fallback field. A message disappears once its field is changed.
 */
final class FieldErrors {
    private final Map<String, HasValidation> byPrefix = new LinkedHashMap<>();
    private final HasValidation fallback;

    <F extends Component & HasValidation> FieldErrors(F fallback) {
        this.fallback = fallback;
        clearOnChange(fallback);
    }

    <F extends Component & HasValidation> FieldErrors on(String keyPrefix, F field) {
        byPrefix.put(keyPrefix, field);
        clearOnChange(field);
        return this;
    }

    void show(String key, String message) {
        HasValidation field = byPrefix.entrySet().stream().filter(e -> key != null && key.startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(fallback);
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    void clear() {
        byPrefix.values().forEach(f -> f.setInvalid(false));
        fallback.setInvalid(false);
    }

    private static void clearOnChange(Component field) {
        // the service decides; the component's own checks would reset the message on blur
        ((HasValidation) field).setManualValidation(true);
        if (field instanceof HasValue<?, ?> value) {
            value.addValueChangeListener(e -> ((HasValidation) field).setInvalid(false));
        }
    }
}
