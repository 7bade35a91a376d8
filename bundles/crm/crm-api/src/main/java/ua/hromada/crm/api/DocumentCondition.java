package ua.hromada.crm.api;

/** When a card's document is required: always, only for a person, only for a legal entity, only by proxy. */
public enum DocumentCondition {
    ALWAYS, PERSON, LEGAL_ENTITY, BY_PROXY
}
