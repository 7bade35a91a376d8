package ua.hromada.docsearch.api;

/**
 * A kind of document from the catalogue, e.g. code {@code council-decision}, name "Рішення сесії
 * міської ради".
 */
public record ActKind(String code, String name) {
}
