package ua.hromada.docsearch.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Refused input ({@link Reason#INVALID}). {@link #fieldErrors()} maps a field name ({@code number}, {@code date},
 * {@code title}, {@code kind}, {@code file}, ...) to a resource-bundle key with the Ukrainian
 * explanation; {@link #args(String)} are that text's parameters (a file name, a limit). Nothing
 * was saved.
 */
public class ValidationException extends DocsearchException {

    private static final long serialVersionUID = 1L;
    private static final Object[] NONE = new Object[0];
    private final transient Map<String, String> fieldErrors;
    private final transient Map<String, Object[]> fieldArgs;

    public ValidationException(Map<String, String> fieldErrors) {
        this(fieldErrors, Map.of());
    }

    /** Several fields, some of whose texts take parameters. */
    public ValidationException(Map<String, String> fieldErrors, Map<String, Object[]> fieldArgs) {
        this(Reason.INVALID, fieldErrors, fieldArgs);
    }

    /** One field's refusal whose text takes parameters (a name, a limit). */
    public ValidationException(String field, String key, Object... args) {
        this(Reason.INVALID, field, key, args);
    }

    /** A subtype's refusal for another reason (a duplicate is a conflict). */
    protected ValidationException(Reason reason, String field, String key, Object... args) {
        super(reason, key, args);
        this.fieldErrors = Map.of(field, key);
        this.fieldArgs = Map.of(field, args.clone());
    }

    private ValidationException(Reason reason, Map<String, String> fieldErrors, Map<String, Object[]> fieldArgs) {
        // the first field's key and arguments stand for the whole refusal as a PortalException
        super(reason, first(fieldErrors), firstArgs(fieldErrors, fieldArgs));
        this.fieldErrors = Map.copyOf(fieldErrors);
        Map<String, Object[]> copy = new LinkedHashMap<>();
        fieldArgs.forEach((field, args) -> copy.put(field, args.clone()));
        this.fieldArgs = Map.copyOf(copy);
    }

    private static String first(Map<String, String> fieldErrors) {
        return fieldErrors.isEmpty() ? "docsearch.error.invalid" : fieldErrors.values().iterator().next();
    }

    private static Object[] firstArgs(Map<String, String> fieldErrors, Map<String, Object[]> fieldArgs) {
        Object[] args = fieldErrors.isEmpty() ? null : fieldArgs.get(fieldErrors.keySet().iterator().next());
        return args == null ? NONE : args;
    }

    /** Parameters of the first field's text ({0}, {1}...), empty when it takes none. */
    @Override
    public Object[] args() {
        return fieldErrors.size() == 1 ? args(fieldErrors.keySet().iterator().next()) : NONE;
    }

    /** Parameters of one field's text, empty when it takes none. */
    public Object[] args(String field) {
        Object[] args = fieldArgs.get(field);
        return args == null ? NONE : args.clone();
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
