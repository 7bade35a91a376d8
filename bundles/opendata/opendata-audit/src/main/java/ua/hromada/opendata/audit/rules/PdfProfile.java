package ua.hromada.opendata.audit.rules;

/**
 * What the text-layer check of an uploaded PDF found.
 *
 * @param checked false when the file was too large or could not be parsed (nothing is claimed)
 * @param hasText some page has text a program can extract
 */
public record PdfProfile(Sniff kind, boolean checked, int pages, boolean hasText) {
}
