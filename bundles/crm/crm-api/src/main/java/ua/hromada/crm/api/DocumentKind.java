package ua.hromada.crm.api;

/**
 * What a required document is, so verification knows what to read in its scan: an identity
 * document (ID card, passport), the taxpayer card (РНОКПП), a power of attorney, a payment receipt,
 * anything else.
 */
public enum DocumentKind {
    IDENTITY, TAX_NUMBER, PROXY, PAYMENT, OTHER
}
