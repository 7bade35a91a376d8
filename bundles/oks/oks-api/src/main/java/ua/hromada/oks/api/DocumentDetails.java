package ua.hromada.oks.api;

/**
 * What the inspector fills in when issuing a document for a step ({@link DocumentRegister#issue}).
 *
 * @param violator    required: the person (ПІБ, РНОКПП if known) or organisation (name, ЄДРПОУ) and address
 * @param articleId   required: the legal basis from the community's catalogue
 * @param witnesses   protocol only, optional: names and addresses
 * @param explanation protocol only, optional: what the violator said
 */
public record DocumentDetails(Violator violator, Long articleId, String witnesses, String explanation) {
}
