package ua.hromada.crm.api;

/**
 * A person's identity document: the ID card (9 digits), the passport book (2 Cyrillic letters and
 * 6 digits) or a foreign passport (letters and digits as issued).
 */
public enum IdentityDocumentType {
    ID_CARD, PASSPORT_BOOK, FOREIGN_PASSPORT
}
