package ua.hromada.eservices.api;

/** Who runs an e-service: the council itself or the state (Дія, E-DEM and other national resources). */
public enum ProviderKind {
    COUNCIL, STATE
}
