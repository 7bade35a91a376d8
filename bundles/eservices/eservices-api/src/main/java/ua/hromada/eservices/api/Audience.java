package ua.hromada.eservices.api;

/** Whom an e-service is for; {@link #BOTH} is listed under either filter. */
public enum Audience {
    RESIDENTS, BUSINESS, BOTH;

    /** Whether a service for this audience is shown to someone looking for {@code wanted}. */
    public boolean serves(Audience wanted) {
        return wanted == null || this == BOTH || wanted == BOTH || this == wanted;
    }
}
