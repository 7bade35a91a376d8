package ua.hromada.crm.api;

/**
 * A document a service card asks for.
 *
 * @param name      as printed on the card and the inventory («Паспорт громадянина України»)
 * @param kind      what verification reads in its scan
 * @param condition when it is required
 * @param original  the original is shown (true) or a copy is enough (false)
 */
public record RequiredDocument(String name, DocumentKind kind, DocumentCondition condition, boolean original) {
}
