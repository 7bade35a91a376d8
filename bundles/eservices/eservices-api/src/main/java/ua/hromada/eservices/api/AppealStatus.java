package ua.hromada.eservices.api;

/** Where an appeal stands. Texts: {@code eservices.appeal.status.<NAME>}. */
public enum AppealStatus {
    /** Received and routed to its topic's unit; nobody assigned yet. */
    REGISTERED,
    /** An executor of the unit handles it (the applicant was told the name and phone). */
    ASSIGNED,
    /** Answered; the applicant was told. Open for a follow-up until closed. */
    ANSWERED,
    /** Finished. */
    CLOSED,
    /** Handed over to another module's case (e.g. an OKS violation); the link is kept. */
    HANDED_OVER;

    /** Whether the deadline still runs (it counts as overdue once passed). */
    public boolean open() {
        return this == REGISTERED || this == ASSIGNED;
    }
}
