package ua.hromada.portal.community;

import java.util.Collection;
import java.util.regex.Pattern;

import ua.hromada.portal.api.PortalException;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.community.Community;

/**
 * What a community may say before it is saved; each refusal carries a message key of
 * i18n/portal-community*.properties. The id becomes every module row's {@code community} value and
 * part of a file name, so it is kept to plain lower-case latin.
 */
final class CommunityRules {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");
    /** A DNS name (or an IPv4 address): dot-separated labels of latin letters, digits and inner hyphens. */
    private static final Pattern HOST = Pattern.compile(
            "(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    /** As module keys are (ModuleBoot in the shell). */
    private static final Pattern MODULE = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final Pattern SETTING = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
    private static final int MAX_VALUE = 2000;

    private CommunityRules() {
    }

    /**
     * @param community the community to save, hosts already in their normal form
     * @param others    every other community the portal serves
     */
    static void check(Community community, Collection<Community> others) {
        if (community.id() == null || !ID.matcher(community.id()).matches()) {
            throw new PortalException(Reason.INVALID, "portal.community.id.invalid", String.valueOf(community.id()));
        }
        for (String host : community.hosts()) {
            if (!HOST.matcher(host).matches()) {
                throw new PortalException(Reason.INVALID, "portal.community.host.invalid", host);
            }
            for (Community other : others) {
                if (!other.id().equals(community.id()) && other.hosts().contains(host)) {
                    throw new PortalException(Reason.CONFLICT, "portal.community.host.taken", host, other.id());
                }
            }
        }
        for (String module : community.modules()) {
            if (!MODULE.matcher(module).matches()) {
                throw new PortalException(Reason.INVALID, "portal.community.module.invalid", module);
            }
        }
        community.settings().forEach((key, value) -> {
            if (!SETTING.matcher(key).matches()) {
                throw new PortalException(Reason.INVALID, "portal.community.setting.invalid", key);
            }
            if (value.length() > MAX_VALUE || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new PortalException(Reason.INVALID, "portal.community.setting.value", key, MAX_VALUE);
            }
        });
    }
}
