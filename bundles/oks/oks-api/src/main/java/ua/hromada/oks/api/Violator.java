package ua.hromada.oks.api;

/**
 * Who caused the violation, when known. On a card the name and free-text details are enough; a
 * document (warning, protocol) names the violator as a legal person or an individual: the code with
 * its check digit (a person's РНОКПП, an organisation's ЄДРПОУ code) and the address
 * ({@link DocumentRegister#issue}).
 *
 * @param kind    a person or an organisation
 * @param name    full name (ПІБ) or organisation name
 * @param details free text: phone, remarks
 * @param code    a person's РНОКПП (10 digits) or an organisation's ЄДРПОУ code (8 digits), null when not given
 * @param address where the person lives or the organisation is registered, null when not given
 */
public record Violator(Kind kind, String name, String details, String code, String address) {
    public enum Kind {
        PERSON, ORGANISATION
    }

    /** A violator as a card records it: kind, name and free text. */
    public Violator(Kind kind, String name, String details) {
        this(kind, name, details, null, null);
    }
}
