package ua.hromada.eservices.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import ua.hromada.portal.api.PortalUser;

/**
 * The community's units. Reading needs no right (a public page names a service's owner unit);
 * changes need {@link EservicesPermissions#MANAGE} and are audited.
 */
@ProviderType
public interface Units {

    /** Every unit, active first, then by name. */
    List<Unit> all();

    Optional<Unit> find(long id);

    /** The units whose role the user holds (every unit for {@link EservicesPermissions#MANAGE}). */
    List<Unit> unitsOf(PortalUser user);

    /**
     * Creates ({@code id == 0}) or updates a unit. Refuses with {@link EservicesException}: INVALID with
     * field errors (code: letters, digits, dash, 2–40; name 1–300; e-mail well formed; phone digits,
     * spaces, +, -, (, ), up to 40), CONFLICT for a taken code, FORBIDDEN without the right; an
     * outdated version gives {@code EditConflictException}.
     */
    Unit save(PortalUser user, Unit unit);
}
