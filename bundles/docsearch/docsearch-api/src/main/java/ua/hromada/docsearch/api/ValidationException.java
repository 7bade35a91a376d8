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

    public ValidationException(Map<String, String> fieldErrors) {
        super("Invalid document: " + fieldErrors);
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
