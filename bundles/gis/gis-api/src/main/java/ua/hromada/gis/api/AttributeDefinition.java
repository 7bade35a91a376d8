package ua.hromada.gis.api;

import java.util.List;

/**
 * One attribute of a layer's schema. The registry checks a definition when its layer is saved
 * ({@link GisLayers#saveLayer}); objects are checked against it on every save.
 *
 * @param name      key of the value in an object's attributes: {@code [a-z][a-z0-9_]*}, at most 40 characters
 * @param label     what a person sees (the form's field, the table's column)
 * @param type      the value's type
 * @param required  an object must have a value
 * @param unique    no two objects of the layer share a value (compared as text, case-insensitive, trimmed)
 * @param maxLength longest TEXT value; null: {@link #DEFAULT_MAX_LENGTH}
 * @param choices   the allowed values of a CHOICE attribute, in the form's order; empty for other types
 */
public record AttributeDefinition(String name, String label, AttributeType type, boolean required, boolean unique,
        Integer maxLength, List<String> choices) {

    /** The longest text value when a definition names none. */
    public static final int DEFAULT_MAX_LENGTH = 1000;

    public AttributeDefinition {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** A TEXT attribute. */
    public static AttributeDefinition text(String name, String label, boolean required, boolean unique) {
        return new AttributeDefinition(name, label, AttributeType.TEXT, required, unique, null, List.of());
    }

    /** A CHOICE attribute. */
    public static AttributeDefinition choice(String name, String label, boolean required, String... choices) {
        return new AttributeDefinition(name, label, AttributeType.CHOICE, required, false, null, List.of(choices));
    }

    /** The longest TEXT value accepted. */
    public int textLimit() {
        return maxLength == null ? DEFAULT_MAX_LENGTH : maxLength;
    }
}
