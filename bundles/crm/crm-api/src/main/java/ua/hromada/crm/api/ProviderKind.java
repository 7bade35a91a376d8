package ua.hromada.crm.api;

/** Who provides a service: a unit of the council or a state body (the centre only accepts and issues). */
public enum ProviderKind {
    COUNCIL_UNIT, STATE_BODY
}
