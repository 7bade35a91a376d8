package ua.hromada.crm.api;

/** Where a service can be applied for. */
public enum Channel {
    IN_PERSON, DIIA, EMAIL
}
