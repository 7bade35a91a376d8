package ua.hromada.crm.api;

import java.util.List;
import java.util.Map;

import ua.hromada.portal.api.PortalException;

/**
 * A refused CRM request. The message key and arguments come from the module's resource bundle
 * ({@code i18n/crm}); an invalid form also carries {@link #fieldErrors()}: field name → message key,
 * so a form marks each field and an API lists them.
 */
public class CrmException extends PortalException {

    private final Map<String, String> fieldErrors;
    private final Map<String, List<Object>> fieldArgs;

    public CrmException(Reason reason, String messageKey, Object... args) {
        super(reason, messageKey, args);
        this.fieldErrors = Map.of();
        this.fieldArgs = Map.of();
    }

    /** {@code INVALID} with the fields that failed ({@code crm.error.invalid}). */
    public CrmException(Map<String, String> fieldErrors) {
        this(fieldErrors, Map.of());
    }

    /**
     * {@code INVALID} with the fields that failed and the arguments of those messages that name what
     * was typed (e.g. «РНОКПП {0} не проходить перевірку контрольної цифри»).
     */
    public CrmException(Map<String, String> fieldErrors, Map<String, List<Object>> fieldArgs) {
        super(Reason.INVALID, "crm.error.invalid", fieldErrors.size());
        this.fieldErrors = Map.copyOf(fieldErrors);
        this.fieldArgs = Map.copyOf(fieldArgs);
    }

    /** The arguments of a field's message (empty when it takes none), in the order of its pattern. */
    public Object[] fieldArgs(String field) {
        return fieldArgs.getOrDefault(field, List.of()).toArray();
    }

    /** Field name → message key; empty for refusals that are not about a field. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
