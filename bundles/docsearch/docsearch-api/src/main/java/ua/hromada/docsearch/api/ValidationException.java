package ua.hromada.docsearch.api;

import java.util.Map;

/**
 * Refused input. {@link #fieldErrors()} maps a field name ({@code number}, {@code date},
 * {@code title}, {@code kind}, {@code file}, ...) to a resource-bundle key with the Ukrainian
 * explanation; nothing was saved.
 */
public class ValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient Map<String, String> fieldErrors;
    private final transient Object[] args;

    public ValidationException(Map<String, String> fieldErrors) {
        super("Invalid document: " + fieldErrors);
        this.fieldErrors = Map.copyOf(fieldErrors);
        this.args = new Object[0];
    }

    /** One field's refusal whose text takes parameters (a name, a limit). */
    public ValidationException(String field, String key, Object... args) {
        super("Invalid document: " + field + "=" + key + " " + java.util.Arrays.toString(args));
        this.fieldErrors = Map.of(field, key);
        this.args = args.clone();
    }

    /** Parameters of the message texts ({0}, {1}...), empty when they take none. */
    public Object[] args() {
        return args.clone();
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
