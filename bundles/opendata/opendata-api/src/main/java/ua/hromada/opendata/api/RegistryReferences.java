package ua.hromada.opendata.api;

import java.util.Optional;

/**
 * Records outside the registry's own tables that refer to its entries (e.g. the audit's official
 * requests to a data manager). Registered as OSGi services; the registry asks every one before it
 * deletes a manager, so deleting never leaves such a record pointing at nothing.
 */
@org.osgi.annotation.versioning.ProviderType
public interface RegistryReferences {

    /** A refusal (reason CONFLICT, with a message naming what refers to the manager), or empty. */
    Optional<OpendataException> blocksManagerDeletion(long managerId);
}
