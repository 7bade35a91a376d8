package ua.hromada.eservices.api;

/**
 * Hands an appeal over to another module's case type. Implemented inside the e-services module, one
 * class per target module, each alone in its package and wired to that module's API when it is
 * installed (module guide, "Another module's services"); a topic whose target is absent keeps its
 * appeals with its own unit.
 */
public interface AppealHandover {

    /** The other module's key, as topics name it ("oks"). */
    String target();

    /**
     * Creates the other module's case from the appeal (in its own transaction: the other module's
     * service) and says how to find it. A refusal of the other module is an exception; the appeal
     * then stays with its unit and the journal says why.
     */
    Handover handOver(Appeal appeal);

    /** The other module's case: its reference shown to people and the portal route that opens it. */
    record Handover(String reference, String route) {
    }
}
