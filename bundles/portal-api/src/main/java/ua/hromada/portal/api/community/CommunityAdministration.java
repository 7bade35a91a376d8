package ua.hromada.portal.api.community;

/**
 * The regional administrator's changes to the communities: adding one is one call, with no
 * restart and no new schema (its rows live in the same tables, told apart by row-level security).
 * Each community is also a file, {@code etc/ua.hromada.portal.community~<id>.cfg}, editable by hand.
 */
@org.osgi.annotation.versioning.ProviderType
public interface CommunityAdministration {

    /**
     * Adds a community or replaces what an existing one says (hosts, modules, settings overlay).
     *
     * @throws ua.hromada.portal.api.PortalException with a Ukrainian message key when the id is not
     *         lower-case latin, digits and hyphens, a host is not a host name or another community
     *         already serves it
     */
    Community save(Community community);
}
