package ua.hromada.docsearch.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Refused input. {@link #fieldErrors()} maps a field name ({@code number}, {@code date},
 * {@code title}, {@code kind}, {@code file}, ...) to a resource-bundle key with the Ukrainian
 * explanation; {@link #args(String)} are that text's parameters (a file name, a limit). Nothing
 * was saved.
 */
public class ValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final Object[] NONE = new Object[0];
    private final transient Map<String, String> fieldErrors;
    private final transient Map<String, Object[]> fieldArgs;

    public ValidationException(Map<String, String> fieldErrors) {
        this(fieldErrors, Map.of());
    }

    /** Several fields, some of whose texts take parameters. */
    public ValidationException(Map<String, String> fieldErrors, Map<String, Object[]> fieldArgs) {
        super("Invalid document: " + fieldErrors);
        this.fieldErrors = Map.copyOf(fieldErrors);
        Map<String, Object[]> copy = new LinkedHashMap<>();
        fieldArgs.forEach((field, args) -> copy.put(field, args.clone()));
        this.fieldArgs = Map.copyOf(copy);
    }

    /** One field's refusal whose text takes parameters (a name, a limit). */
    public ValidationException(String field, String key, Object... args) {
        super("Invalid document: " + field + "=" + key + " " + java.util.Arrays.toString(args));
        this.fieldErrors = Map.of(field, key);
        this.fieldArgs = Map.of(field, args.clone());
    }

    /** Parameters of the first field's text ({0}, {1}...), empty when it takes none. */
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
