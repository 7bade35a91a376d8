package ua.hromada.portal.api.legal;

import java.util.List;

/**
 * What of a module refers to a legal act (a whiteboard service: every module that stores acts'
 * ids publishes one). The act's page lists each provider's references under its
 * {@link #titleKey()} for a user who has {@link #requiredPermission()}.
 */
public interface LegalActReferences {

    /** Text key naming the group of references, e.g. "Картки послуг ЦНАП". */
    String titleKey();

    /** Permission needed to see these references; null means any signed-in user. */
    String requiredPermission();

    /** What refers to the act with that id, in the module's order; empty when nothing does. */
    List<LegalActReference> referencesTo(long actId);

    /** One thing that refers to the act: its name and the portal route that opens it. */
    record LegalActReference(String title, String route) {
    }
}
