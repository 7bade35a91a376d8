package ua.hromada.oks.api;

/**
 * Who caused the violation, when known.
 *
 * @param kind    a person or an organisation
 * @param name    full name or organisation name
 * @param details free text: address, ЄДРПОУ, phone
 */
public record Violator(Kind kind, String name, String details) {
    public enum Kind {
        PERSON, ORGANISATION
    }
}
