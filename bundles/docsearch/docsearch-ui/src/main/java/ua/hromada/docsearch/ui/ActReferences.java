package ua.hromada.docsearch.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.legal.LegalActReferences;
import ua.hromada.portal.api.legal.LegalActReferences.LegalActReference;

/**
 * What other modules say refers to an act, grouped by module, for the act's page: only the groups
 * the user may see, none of a module whose answer failed (logged; the page still shows the act).
 */
public final class ActReferences {
    private static final Logger LOG = LoggerFactory.getLogger(ActReferences.class);

    /** One module's references under its title key. */
    public record Group(String titleKey, List<LegalActReference> references) {
    }

    private final Supplier<List<LegalActReferences>> providers;

    /** {@code providers}: the modules' services present now (they come and go with their modules). */
    public ActReferences(Supplier<List<LegalActReferences>> providers) {
        this.providers = providers;
    }

    public List<Group> to(long actId, PortalUser user) {
        List<Group> groups = new ArrayList<>();
        if (user == null) {
            return groups;
        }
        for (LegalActReferences provider : providers.get()) {
            if (!user.hasPermission(provider.requiredPermission())) {
                continue;
            }
            try {
                List<LegalActReference> found = provider.referencesTo(actId);
                if (!found.isEmpty()) {
                    groups.add(new Group(provider.titleKey(), List.copyOf(found)));
                }
            } catch (RuntimeException e) {
                LOG.warn("References of {} to act {} could not be read", provider.getClass().getName(), actId, e);
            }
        }
        groups.sort(Comparator.comparing(Group::titleKey));
        return groups;
    }
}
