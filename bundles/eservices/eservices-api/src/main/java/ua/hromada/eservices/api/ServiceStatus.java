package ua.hromada.eservices.api;

/** Whether residents see an e-service: only {@link #ACTIVE} ones are on the public page and in its search. */
public enum ServiceStatus {
    ACTIVE, HIDDEN
}
