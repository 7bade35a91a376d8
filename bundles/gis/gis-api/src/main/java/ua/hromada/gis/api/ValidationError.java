package ua.hromada.gis.api;

import java.util.List;

/**
 * One failed field of an object (or of a layer definition).
 *
 * @param row        index of the object in a batch ({@link GisFeatures#createAll}, {@link GisFeatures#check}),
 *                   {@link #SINGLE} for one object
 * @param field      the attribute's name, {@link #GEOMETRY}, or a layer field (e.g. {@code key})
 * @param messageKey key in the GIS resource bundle, e.g. {@code gis.error.required}
 * @param args       the message's arguments (already text: a limit, a value, an allowed list)
 */
public record ValidationError(int row, String field, String messageKey, List<String> args) {

    /** The row of a single object. */
    public static final int SINGLE = -1;
    /** The field name of the geometry. */
    public static final String GEOMETRY = "geometry";

    public ValidationError {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public ValidationError(String field, String messageKey, String... args) {
        this(SINGLE, field, messageKey, List.of(args));
    }

    public ValidationError inRow(int index) {
        return new ValidationError(index, field, messageKey, args);
    }
}
