package ua.hromada.gis.api;

/**
 * The type of a layer attribute. Values cross the API as: TEXT and CHOICE {@link String},
 * NUMBER {@link java.math.BigDecimal}, DATE {@link java.time.LocalDate}. On input a value may also
 * be text (an import's cell): numbers with a dot or comma, dates as {@code 2024-05-31} or
 * {@code 31.05.2024}.
 */
public enum AttributeType {
    TEXT, NUMBER, DATE,
    /** One of the definition's {@link AttributeDefinition#choices()}. */
    CHOICE
}
