package ua.hromada.example.phonebook;

import java.util.Map;

/** A form refused by {@link EntryRules}: field name → message key, shown at the field. */
public class InvalidEntryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> errors;

    public InvalidEntryException(Map<String, String> errors) {
        super("invalid phone entry: " + errors);
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
